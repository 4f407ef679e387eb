/**
 * An error the user can act on: the CLI prints its message on one line and exits non-zero,
 * without a stack trace.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
