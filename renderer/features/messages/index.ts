export { UpdateCountdown } from './UpdateCountdown';
