// The app's routes live in the location hash, so Back and Forward work.
export type Route = { name: 'home' } | { name: 'runbook'; id: string } | { name: 'problems' } | { name: 'settings' };

export function routeFromHash(hash: string): Route {
  let path: string;
  try {
    path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  } catch {
    return { name: 'home' };
  }
  if (path.startsWith('runbook/')) return { name: 'runbook', id: path.slice('runbook/'.length) };
  if (path === 'problems') return { name: 'problems' };
  if (path === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  if (route.name === 'runbook') return `#/runbook/${route.id.split('/').map(encodeURIComponent).join('/')}`;
  return route.name === 'home' ? '#/' : `#/${route.name}`;
}
