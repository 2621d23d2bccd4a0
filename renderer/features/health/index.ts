// What the other features may use of health/ (the shell imports its screens from their files).
export { useHealthStore } from './health-store';
