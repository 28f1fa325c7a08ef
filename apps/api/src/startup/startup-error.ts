/**
 * A start-up failure the operator can fix (bad setting, unreachable database, invalid programme
 * file). main.ts prints its message as one line and exits 1, without a stack trace: the message
 * must say what is wrong and where.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
