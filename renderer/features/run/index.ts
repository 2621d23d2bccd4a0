export { readRunbook } from './run-actions';
