// The app's routes live in the location hash, so Back and Forward work.
export type Route =
  | { name: 'home' }
  | { name: 'runbook'; id: string; section?: string }
  | { name: 'note'; id: string }
  | { name: 'problems' }
  | { name: 'settings' };

export function routeFromHash(hash: string): Route {
  const [raw, query = ''] = hash.replace(/^#\/?/, '').split('?');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { name: 'home' };
  }
  if (path.startsWith('runbook/')) {
    const section = new URLSearchParams(query).get('section');
    return section ? { name: 'runbook', id: path.slice('runbook/'.length), section } : { name: 'runbook', id: path.slice('runbook/'.length) };
  }
  if (path.startsWith('note/')) return { name: 'note', id: path.slice('note/'.length) };
  if (path === 'problems') return { name: 'problems' };
  if (path === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  if (route.name === 'runbook') {
    const section = route.section ? `?section=${encodeURIComponent(route.section)}` : '';
    return `#/runbook/${route.id.split('/').map(encodeURIComponent).join('/')}${section}`;
  }
  if (route.name === 'note') return `#/note/${route.id.split('/').map(encodeURIComponent).join('/')}`;
  return route.name === 'home' ? '#/' : `#/${route.name}`;
}
