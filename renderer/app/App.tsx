import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppStore } from './services/app-store';
import { useLibraryStore } from '../features/library/library-store';
import type { Route } from './services/routes';
import { useRouteStore } from './services/route-store';
import { useSearchStore } from '../features/search/search-store';
import { HomeScreen } from '../features/library/HomeScreen';
import { NoteView } from '../features/notes/NoteView';
import { HealthScreen } from '../features/health/HealthScreen';
import { NotesScreen } from '../features/notes/NotesScreen';
import { QuickReference } from '../features/health/QuickReference';
import { NoteEditor } from '../features/notes/NoteEditor';
import { useNotesStore } from '../features/notes/notes-store';
import { RunbookView } from '../features/library/page/RunbookView';
import { ScreenBoundary } from './ScreenBoundary';
import { SearchPalette } from '../features/search/SearchPalette';
import { StartupFailure, StartupProgress } from './StartupScreens';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { paletteShortcutLabel } from '../ui/shortcut-label';
import { StatusLine } from './StatusLine';
import { SyncButton } from '../features/sync/SyncButton';
import { SyncStatusPanel } from '../features/sync/SyncStatusPanel';
import { useSyncStore } from '../features/sync/sync-store';
import { startIncidentSharing } from '../features/sharing/start-sharing';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useDialogStore } from './services/dialog-store';
import { useIncidentStore } from '../features/incident/incident-store';
import { resumeActiveRun } from '../features/incident/incident-actions';
import { DeclareIncidentDialog } from '../features/incident/dialogs/DeclareIncidentDialog';
import { RunWhereDialog } from '../features/incident/dialogs/RunWhereDialog';
import { ResolveDialog } from '../features/incident/dialogs/ResolveDialog';
import { FirstSyncDialog } from '../features/sync/FirstSyncDialog';
import { BundleSummaryDialog } from '../features/bundle/BundleSummaryDialog';
import { IncidentBar } from '../features/incident/IncidentBar';
import { IncidentScreen } from '../features/incident/IncidentScreen';
import { IncidentsScreen } from '../features/incident/IncidentsScreen';
import { RunScreen } from '../features/run/RunScreen';
import { Sidebar } from './Sidebar';
import { KeysPanel } from './KeysPanel';
import { MessagesScreen } from '../features/messages/MessagesScreen';
import { OnCallScreen } from '../features/oncall/OnCallScreen';
import { SeverityPanel } from '../features/oncall/SeverityPanel';
import { useOnCallStore } from '../features/oncall/oncall-store';
import { StartRunDialog } from '../features/run/StartRunDialog';
import { ProcedureDialog } from '../features/run/ProcedureDialog';
import { AlertsScreen } from '../features/alerts/AlertsScreen';
import { warmAlertIndex } from '../features/alerts/alert-matches';
import { useAlertDrop } from './use-alert-drop';
import { LinkNotice } from '../features/links/LinkNotice';

const SCREEN_NAMES: Record<Route['name'], string> = {
  home: 'The library',
  runbook: 'This runbook',
  note: 'This note',
  health: 'Library health',
  notes: 'Notes',
  'quick-reference': 'The quick reference',
  settings: 'Settings',
  incident: 'This incident',
  incidents: 'The list of incidents',
  run: 'This run',
  oncall: 'The on-call roster',
  messages: 'Messages',
  alerts: 'From an alert',
};

export function App() {
  const phase = useLibraryStore((state) => state.phase);
  const warning = useLibraryStore((state) => state.warning);
  const route = useRouteStore((state) => state.route);
  const openPalette = useSearchStore((state) => state.openPalette);
  const dialog = useDialogStore((state) => state.dialog);

  useEffect(() => {
    void useLibraryStore.getState().start();
    void useAppStore.getState().loadAppInfo();
  }, []);
  useEffect(() => {
    // Sync starts once the library is open, so an import never races the first one.
    if (phase === 'ready') {
      void useSyncStore.getState().init();
      void useIncidentStore.getState().init().then(resumeActiveRun);
      startIncidentSharing();
      void useOnCallStore.getState().load();
      void useNotesStore.getState().load();
    }
  }, [phase]);
  useGlobalShortcuts(phase === 'ready');
  useAlertDrop();
  const summaries = useLibraryStore((state) => state.summaries);
  useEffect(() => warmAlertIndex(summaries), [summaries]);
  // A new page starts at its top (a link to a section scrolls there once the page is shown).
  const main = useRef<HTMLElement>(null);
  const screenKey = route.name === 'run' ? `run:${route.runId}` : 'id' in route ? `${route.name}:${route.id}` : route.name;
  useLayoutEffect(() => {
    main.current?.scrollTo(0, 0);
  }, [screenKey]);

  if (phase === 'failed') return <StartupFailure />;
  if (phase === 'opening') return <StartupProgress />;
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          Failsafe
        </a>
        <button type="button" className="search-trigger" onClick={openPalette} aria-keyshortcuts="Control+K /">
          Search runbooks <kbd>{paletteShortcutLabel()}</kbd>
        </button>
        <SyncButton />
      </header>
      <IncidentBar />
      <SyncStatusPanel />
      <LinkNotice />
      {warning && (
        <p className="banner warning" role="alert">
          {warning}
        </p>
      )}
      <div className="app-body">
        <Sidebar />
        <main className="app-main" ref={main} tabIndex={-1}>
          <ScreenBoundary key={screenKey} what={SCREEN_NAMES[route.name]}>
            {route.name === 'home' && <HomeScreen />}
            {route.name === 'runbook' && <RunbookView id={route.id} section={route.section} />}
            {route.name === 'note' && <NoteView id={route.id} />}
            {route.name === 'health' && <HealthScreen />}
            {route.name === 'notes' && <NotesScreen />}
            {route.name === 'quick-reference' && <QuickReference />}
            {route.name === 'settings' && <SettingsScreen />}
            {route.name === 'incident' && <IncidentScreen id={route.id} />}
            {route.name === 'incidents' && <IncidentsScreen />}
            {route.name === 'run' && <RunScreen incidentId={route.incidentId} runId={route.runId} />}
            {route.name === 'oncall' && <OnCallScreen />}
            {route.name === 'messages' && <MessagesScreen id={route.id} />}
            {route.name === 'alerts' && <AlertsScreen />}
          </ScreenBoundary>
        </main>
      </div>
      <StatusLine />
      <SearchPalette />
      {dialog?.kind === 'declare' && <DeclareIncidentDialog thenRun={dialog.thenRun} thenProcedure={dialog.thenProcedure} fromAlert={dialog.fromAlert} />}
      {dialog?.kind === 'start-run' && <StartRunDialog key={dialog.runbookId} runbookId={dialog.runbookId} procedure={dialog.procedure} />}
      {dialog?.kind === 'run-where' && <RunWhereDialog runbookId={dialog.runbookId} procedure={dialog.procedure} />}
      {dialog?.kind === 'procedures' && <ProcedureDialog key={dialog.runbookId} runbookId={dialog.runbookId} inView={dialog.inView} />}
      {dialog?.kind === 'severity' && <SeverityPanel />}
      {dialog?.kind === 'note' && <NoteEditor noteId={dialog.noteId} preset={dialog.preset} saved={dialog.saved} />}
      {dialog?.kind === 'bundle-summary' && <BundleSummaryDialog />}
      {dialog?.kind === 'resolve' && <ResolveDialog incidentId={dialog.incidentId} bodies={dialog.bodies} />}
      {dialog?.kind === 'first-sync' && <FirstSyncDialog />}
      {dialog?.kind === 'keys' && <KeysPanel />}
    </div>
  );
}
