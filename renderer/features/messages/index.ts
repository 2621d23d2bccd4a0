// What the other features may use of messages/ (the shell imports its screens from their files).
export { UpdateCountdown } from './UpdateCountdown';
