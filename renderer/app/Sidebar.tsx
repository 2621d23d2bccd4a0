import type { Route } from './services/routes';
import { declareIncident, showKeys, showSeverity } from './services/app-actions';
import { useIncidentStore } from '../features/incident/incident-store';
import { useLibraryStore } from '../features/library/library-store';
import { useRouteStore } from './services/route-store';
import { DECLARE_KEY, KEYS_HELP_KEY, PLACE_KEYS, SEVERITY_KEY, withCommand } from '../ui/keys';

/** The places a responder moves between, each with its key. */
export function Sidebar() {
  const route = useRouteStore((state) => state.route);
  const currentId = useIncidentStore((state) => state.currentId);
  const currentTitle = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state.title : undefined));
  // A note (text decoded twice, repaired) is no problem to fix: it stays listed on the Health screen.
  const problemCount = useLibraryStore((state) => state.problems.filter((problem) => problem.level !== 'note').length);
  const place = (href: string, label: string, key: string | undefined, active: boolean, detail?: string) => (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        <span className="place-label">{label}</span>
        {key && <kbd>{withCommand(key)}</kbd>}
        {detail && <span className="place-detail">{detail}</span>}
      </a>
    </li>
  );
  const is = (...names: Route['name'][]) => names.includes(route.name);
  // A run, or an incident's page, belongs to "Current incident" when it is the current one's.
  const routeIncident = route.name === 'run' ? route.incidentId : route.name === 'incident' ? (route.id ?? currentId) : undefined;
  const inCurrent = routeIncident !== undefined && routeIncident === currentId;
  return (
    <nav className="sidebar" aria-label="Places">
      <ul>
        {place('#/', 'Library', PLACE_KEYS.library, is('home', 'runbook', 'note'))}
        {place('#/incident', 'Current incident', PLACE_KEYS.incident, inCurrent || (route.name === 'incident' && !route.id), currentTitle ?? 'none')}
        {place('#/incidents', 'Incidents', PLACE_KEYS.incidents, is('incidents') || (routeIncident !== undefined && !inCurrent))}
        {place('#/oncall', 'On-call', PLACE_KEYS.oncall, is('oncall'))}
        {place('#/messages', 'Messages', PLACE_KEYS.messages, is('messages'))}
        {place('#/notes', 'Notes', PLACE_KEYS.notes, is('notes'))}
        {place('#/health', `Library health${problemCount ? ` (${problemCount} problem${problemCount === 1 ? '' : 's'})` : ''}`, PLACE_KEYS.health, is('health', 'quick-reference'))}
        {place('#/settings', 'Settings', PLACE_KEYS.settings, is('settings'))}
      </ul>
      <button type="button" className="declare-button" onClick={declareIncident}>
        Declare an incident <kbd>{DECLARE_KEY}</kbd>
      </button>
      <button type="button" className="sidebar-button" onClick={showSeverity}>
        Severity levels <kbd>{SEVERITY_KEY}</kbd>
      </button>
      <button type="button" className="sidebar-button" onClick={showKeys}>
        Keyboard shortcuts <kbd>{KEYS_HELP_KEY}</kbd>
      </button>
    </nav>
  );
}
