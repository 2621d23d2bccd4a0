export { useOnCallStore } from './oncall-store';
export { useRoster } from './use-roster';
