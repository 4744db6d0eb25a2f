/** A problem with the configuration or the way lint was called: one line for the user, exit 2, no stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
