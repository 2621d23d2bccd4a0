// The app's routes live in the location hash, so Back and Forward work.
export type Route =
  | { name: 'home' }
  | { name: 'runbook'; id: string; section?: string }
  | { name: 'note'; id: string }
  | { name: 'settings' }
  /** An incident; without an id, the current one. */
  | { name: 'incident'; id?: string }
  | { name: 'incidents' }
  | { name: 'run'; incidentId: string; runId: string }
  | { name: 'oncall' }
  /** The message templates; with an id, that template's form. */
  | { name: 'messages'; id?: string }
  | { name: 'notes' }
  /** The library health screen; `#/problems` (its former name) opens it too. */
  | { name: 'health' }
  | { name: 'quick-reference' }
  /** "From an alert": the alerts last pasted, dropped or opened from a link. */
  | { name: 'alerts' };

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
  if (path === 'problems' || path === 'health') return { name: 'health' };
  if (path === 'notes') return { name: 'notes' };
  if (path === 'quick-reference') return { name: 'quick-reference' };
  if (path === 'alerts') return { name: 'alerts' };
  if (path === 'incident') return { name: 'incident' };
  if (path.startsWith('incident/')) return { name: 'incident', id: path.slice('incident/'.length) };
  if (path === 'incidents') return { name: 'incidents' };
  if (path === 'oncall') return { name: 'oncall' };
  if (path === 'messages') return { name: 'messages' };
  if (path.startsWith('messages/')) return { name: 'messages', id: path.slice('messages/'.length) };
  if (path.startsWith('run/')) {
    const [incidentId, runId] = path.slice('run/'.length).split('/');
    if (incidentId && runId) return { name: 'run', incidentId, runId };
  }
  if (path === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  if (route.name === 'runbook') {
    const section = route.section ? `?section=${encodeURIComponent(route.section)}` : '';
    return `#/runbook/${route.id.split('/').map(encodeURIComponent).join('/')}${section}`;
  }
  if (route.name === 'incident') return route.id ? `#/incident/${encodeURIComponent(route.id)}` : '#/incident';
  if (route.name === 'messages') return route.id ? `#/messages/${route.id.split('/').map(encodeURIComponent).join('/')}` : '#/messages';
  if (route.name === 'run') return `#/run/${encodeURIComponent(route.incidentId)}/${encodeURIComponent(route.runId)}`;
  if (route.name === 'note') return `#/note/${route.id.split('/').map(encodeURIComponent).join('/')}`;
  return route.name === 'home' ? '#/' : `#/${route.name}`;
}
