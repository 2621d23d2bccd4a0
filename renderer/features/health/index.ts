export { useHealthStore } from './health-store';
