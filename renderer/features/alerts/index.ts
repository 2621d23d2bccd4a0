// What the other features may use of alerts/ (the shell imports its screens from their files).
export { AlertContext } from './AlertContext';
export { filledValues, type AlertFilled } from './alert-filling';
export { alertValuesNow, useAlertFilling } from './use-alert-filling';
export { readDroppedAlerts, readPastedAlerts } from './alert-input';
export { showAlerts, useAlertStore } from './alert-store';
