export { main, VERSION } from './main.js';
export { UsageError } from './usage-error.js';
