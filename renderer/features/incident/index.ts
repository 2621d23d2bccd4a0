// What the other features may use of incident/ (the shell imports its screens from their files).
export { correctMilestone, incidentInView, setMilestone, startRunOf } from './incident-actions';
export { readIncidentEvents, readOwnLastSeq, readPeerPlaces, readRunSummaries, readRunSummariesOf, readWholeRecord } from './incident-record';
export { nowStamp, openCurrentIncident, useIncidentStore } from './incident-store';
export { loadResponderName, saveResponderName } from './responder-name';
export { useNow } from './use-now';
export { askExportFocus } from './export-focus';
