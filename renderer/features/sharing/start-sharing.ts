import { lastSeqOf } from '../../../shared/incident/incident-state';
import { useRouteStore } from '../../app/services/route-store';
import { useIncidentStore } from '../incident';
import { IDLE_MS, startShareScheduler } from './share-scheduler';
import { useShareStore } from './share-store';

// The shell starts sharing once the library is open: the settings are read, and while sharing is
// on the scheduler runs, started again whenever the settings change (on, off, another pace).

/**
 * Whether exchanges come at the settings' pace: the current incident is open here, or the
 * Incidents list is on screen (someone looking for the incident they were asked to join).
 */
function atPace(): boolean {
  const { currentId, loaded } = useIncidentStore.getState();
  const current = currentId ? loaded[currentId] : undefined;
  return (current !== undefined && current.state.status !== 'resolved') || useRouteStore.getState().route.name === 'incidents';
}

/**
 * Calls back when this machine records an event in an open incident (not when others' arrive),
 * makes another incident current, or opens the Incidents list (what others declared shows at once).
 */
function onLocalChange(callback: () => void): () => void {
  const incidents = useIncidentStore.subscribe((state, before) => {
    if (state.currentId !== before.currentId) return callback();
    if (state.loaded === before.loaded) return;
    const own = state.writer.id;
    if (Object.values(state.loaded).some((loaded) => lastSeqOf(loaded.state, own) > lastSeqOf(before.loaded[loaded.state.id]?.state, own))) callback();
  });
  const routes = useRouteStore.subscribe((state, before) => {
    if (state.route.name === 'incidents' && before.route.name !== 'incidents') callback();
  });
  return () => {
    incidents();
    routes();
  };
}

let started = false;

/** Once per window (React's development mode runs the shell's effects twice). */
export function startIncidentSharing(): void {
  if (started) return;
  started = true;
  let scheduler: { stop(): void } | undefined;
  const restart = () => {
    scheduler?.stop();
    scheduler = undefined;
    const settings = useShareStore.getState().settings;
    if (!settings || settings.mode === 'off') return;
    scheduler = startShareScheduler({
      exchange: () => useShareStore.getState().exchangeNow(),
      intervalMs: () => (atPace() ? Math.max(1, useShareStore.getState().settings?.pollSeconds ?? 2) * 1000 : IDLE_MS),
      onLocalChange,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
  };
  void useShareStore
    .getState()
    .init()
    .then(() => {
      restart();
      useShareStore.subscribe((state, before) => {
        if (state.settings !== before.settings) restart();
      });
    });
}
