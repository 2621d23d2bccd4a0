export { setMilestone, startRunOf } from './incident-actions';
export { readAllIncidentEvents } from './incident-record';
export { nowStamp, useIncidentStore } from './incident-store';
export { loadResponderName, saveResponderName } from './responder-name';
export { useNow } from './use-now';
