// What the other features may use of oncall/ (the shell imports its screens from their files).
export { useOnCallStore } from './oncall-store';
export { useRoster } from './use-roster';
