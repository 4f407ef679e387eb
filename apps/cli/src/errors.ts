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

/**
 * The user stopped a run (Ctrl-C, SIGTERM) and it stopped cleanly: reported as what it is
 * (`lab: interrupted …`, not an error) with the shell's exit code for SIGINT, 130.
 */
export class Interrupted extends UsageError {
  constructor(message: string) {
    super(message, 130);
    this.name = 'Interrupted';
  }
}
