/** A mistake in how selfhelp was called (bad flag, bad config): one line on stderr, exit 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
