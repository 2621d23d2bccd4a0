// What the other features may use of library/ (the shell imports its screens from their files).
export { readCriticalRunbooksFrom, readLibraryForHealthChecks, readLibraryNotes, readNote, readRunbookWithNotes, readWholeLibrary } from './library-reads';
export { useLibraryStore } from './library-store';
export { PriorityBadge } from './PriorityBadge';
export { runFromPage } from './procedure-in-view';
export { useRunbookStore } from './runbook-store';
export { RunbookFilters } from './RunbookFilters';
export { RunbookLinkList } from './page/RunbookLinkList';
export { TitlePlace } from './TitlePlace';
export { typeLabel } from './type-labels';
