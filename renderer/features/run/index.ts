// What the other features may use of run/ (the shell imports its screens from their files).
export { readRunbook } from './run-actions';
