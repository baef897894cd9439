/** Error codes -> words for people: the extension reads the one table in shared/error-text.ts. */
export { INSTALL_COMMAND, UPDATE_HOST_COMMAND, describeError } from '../shared/error-text.js';
