import type { Logger } from '../../../libs/logging/src';

/** What a command may touch: its output streams and the environment, injected so tests can run it in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** True when stdout is a terminal: progress then rewrites one line instead of printing many. */
  interactive: boolean;
  /** The structured log (stderr, LOG_LEVEL / LOG_FORMAT): failures with their stack. */
  log?: Logger;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage, printed by `help <command>` and on a usage error. */
  usage: string;
  /** Resolves to the exit code. Throw a CliUsageError for bad arguments, anything else for a failure. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Bad arguments: the dispatcher prints the message and the command's usage, and exits 2. */
export class CliUsageError extends Error {}

/** Splits `--flag`, `--key value` / `--key=value` and positionals; unknown flags are the command's to refuse. */
export function parseArgs(args: readonly string[], valued: readonly string[] = []): { positionals: string[]; flags: Map<string, string | true> } {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (eq !== -1) flags.set(name, a.slice(eq + 1));
    else if (valued.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new CliUsageError(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    } else flags.set(name, true);
  }
  return { positionals, flags };
}
