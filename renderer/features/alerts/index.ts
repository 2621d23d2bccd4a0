// What the other features may use of alerts/ (the shell imports its screens from their files).
export { showAlerts, useAlertStore } from './alert-store';
