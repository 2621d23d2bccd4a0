import { titleMatches } from '../../../shared/search/title-match';
import { MILESTONES } from '../../../shared/incident/incident-events';
import { escalationChain, nextToCall } from '../../../shared/oncall/escalation-chain';
import { applyOverrides } from '../../../shared/oncall/contact-overrides';
import { declareIncident, goTo, goToRoute, openRunbookId, openTemplate, showKeys, showSeverity, writeNote, type Place } from '../../app/services/app-actions';
import { activeRuns, chainRun } from '../../../shared/incident/incident-state';
import { askExportFocus, correctMilestone, incidentInView, setMilestone, useIncidentStore } from '../incident';
import { formatUtc } from '../../../shared/incident/time-format';
import { useRouteStore } from '../../app/services/route-store';
import { runFromPage, useLibraryStore, useRunbookStore } from '../library';
import { procedures } from '../../../shared/library/document/procedures';
import { useOnCallStore } from '../oncall';
import { localToday } from '../../ui/local-today';
import { useSyncStore } from '../sync';
import { useShareStore } from '../sharing';
import { DECLARE_KEY, INCIDENT_EXPORT_KEY, KEYS_HELP_KEY, MILESTONE_KEYS, PLACE_KEYS, SEVERITY_KEY, START_RUN_KEY, syncKeysLabel, withCommand, withOption } from '../../ui/keys';

export interface PaletteAction {
  id: string;
  title: string;
  /** The shortcut that does the same, as shown. */
  keys?: string;
  run(): void;
}

const PLACES: [Place, string][] = [
  ['library', 'Go to the library'],
  ['incident', 'Go to the current incident'],
  ['incidents', 'Go to incidents'],
  ['oncall', 'On-call: who to call'],
  ['messages', 'Messages: write an incident update'],
  ['settings', 'Go to settings'],
  ['notes', 'Notes: tips, warnings and lessons'],
  ['health', 'Library health: reviews due, gaps, problems'],
];

/** The actions that make sense now: a run only with a runbook open, milestones only with a current incident. */
export function availableActions(): PaletteAction[] {
  const actions: PaletteAction[] = [
    { id: 'declare', title: 'Declare an incident', keys: DECLARE_KEY, run: declareIncident },
    { id: 'severity', title: 'Severity levels', keys: SEVERITY_KEY, run: showSeverity },
    { id: 'keys', title: 'Keyboard shortcuts', keys: KEYS_HELP_KEY, run: showKeys },
    { id: 'write-note', title: 'Write a note for the next responder', run: () => writeNote(openRunbookId() ? { runbooks: [openRunbookId()!] } : undefined) },
    { id: 'quick-reference', title: 'Quick reference to print', run: () => goToRoute({ name: 'quick-reference' }) },
    { id: 'from-alert', title: 'From an alert: paste the alert that woke you', run: () => goToRoute({ name: 'alerts' }) },
  ];
  const runbookId = openRunbookId();
  if (runbookId) {
    const shown = useRunbookStore.getState().runbook;
    const runbook = shown?.id === runbookId ? shown : undefined;
    const count = runbook ? procedures(runbook).length : 1;
    // A document has nothing to run; a runbook of several procedures asks which (as R does).
    if (count > 0) actions.push({ id: 'start-run', title: count > 1 ? `Run a procedure of “${runbook?.title}”` : `Start a run of “${runbook?.title ?? runbookId}”`, keys: START_RUN_KEY, run: () => runFromPage(runbookId) });
  }
  const incident = useIncidentStore.getState();
  const current = incident.currentId ? incident.loaded[incident.currentId]?.state : undefined;
  for (const run of current ? activeRuns(current) : []) {
    actions.push({ id: `go-run-${run.id}`, title: `Back to the run: “${run.runbook.title}”, step ${run.current + 1} of ${run.steps.length}`, run: () => goToRoute({ name: 'run', incidentId: current!.id, runId: run.id }) });
  }
  // Offered where the keys act: the incident on screen, else the current one.
  const inView = incidentInView();
  const milestones = inView ? incident.loaded[inView]?.state.milestones : undefined;
  if (inView) {
    for (const milestone of MILESTONES) {
      const set = milestones?.[milestone];
      // One already set is corrected, on the incident's page (where its key does the same), never set again.
      if (set === undefined) actions.push({ id: `milestone-${milestone}`, title: `Set milestone: ${milestone}, now`, keys: withOption(MILESTONE_KEYS[milestone]), run: () => void setMilestone(milestone) });
      else actions.push({ id: `milestone-${milestone}`, title: `Correct the time of milestone ${milestone}, set at ${formatUtc(set)}`, keys: useRouteStore.getState().route.name === 'incident' ? withOption(MILESTONE_KEYS[milestone]) : undefined, run: () => correctMilestone(inView, milestone) });
    }
  }
  if (inView) {
    const onItsPage = useRouteStore.getState().route.name === 'incident';
    actions.push({
      id: 'export',
      title: 'Export the incident: copy or save it as Markdown',
      keys: onItsPage ? INCIDENT_EXPORT_KEY : undefined,
      run: () => {
        askExportFocus();
        if (!onItsPage) goToRoute({ name: 'incident', id: inView });
      },
    });
  }
  const next = nextPersonToCall();
  if (next) actions.push({ id: 'call-next', title: `Call the next person in the chain: ${next.name}${next.phone ? `, ${next.phone}` : ''}`, run: () => callNext(next) });
  for (const template of useLibraryStore.getState().templates) actions.push({ id: `message-${template.id}`, title: `Message: ${template.title}`, run: () => openTemplate(template.id) });
  for (const [place, title] of PLACES) actions.push({ id: `go-${place}`, title, keys: place in PLACE_KEYS ? withCommand(PLACE_KEYS[place as keyof typeof PLACE_KEYS]) : undefined, run: () => goTo(place) });
  if (useSyncStore.getState().available) actions.push({ id: 'sync', title: 'Sync the library now', keys: syncKeysLabel(), run: () => void useSyncStore.getState().syncNow() });
  // Shift S does the same on the incident page only: on the run screen S skips a step.
  const sharing = useShareStore.getState().settings?.mode;
  if (sharing && sharing !== 'off') actions.push({ id: 'share', title: 'Share incidents now', run: () => void useShareStore.getState().exchangeNow() });
  return actions;
}

/** Actions whose title has a word starting with each word typed; all of them for an empty query or a lone `>`. */
export function matchingActions(actions: PaletteAction[], query: string): PaletteAction[] {
  return actions.filter((action) => titleMatches(action.title, query.replace(/^\s*>/, '')));
}

/** A query starting with `>` asks for actions only, as in VS Code. */
export const actionsOnly = (query: string) => /^\s*>/.test(query);

/** Of the current incident's escalation chain, the person to call now. */
function nextPersonToCall() {
  const { currentId, loaded } = useIncidentStore.getState();
  const incident = currentId ? loaded[currentId]?.state : undefined;
  const { severity, contacts } = useLibraryStore.getState();
  const level = severity.find((candidate) => candidate.id === incident?.severity);
  if (!incident || !level?.escalation) return undefined;
  const roster = applyOverrides(contacts, useOnCallStore.getState().overrides, localToday());
  return nextToCall(escalationChain(level, roster, chainRun(incident), Date.now()));
}

/** The on-call screen with that person chosen and shown (the filter cleared): Enter copies their number. */
function callNext(person: { id: string; name: string; phone?: string }) {
  const onCall = useOnCallStore.getState();
  void onCall.copy(`${person.name}’s phone`, person.phone);
  onCall.pick(person.id);
  goTo('oncall');
}
