export { JobManager, type JobManagerOptions, type JobRunner } from './manager.js';
export { canTransition, isTerminal, transition } from './state.js';
export { Throttle } from './throttle.js';
