import { CliUsageError, type CliCommand, type CliIo } from './cli-command';
import { terminalSafe } from './terminal-output';

/**
 * A small dispatcher: `cli <command> [args]`. Other work adds commands (replay, verify, export) by
 * appending to the list main.ts passes in; each command owns its arguments and exit code.
 * Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage.
 */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, out: (t) => rawIo.out(terminalSafe(t)), err: (t) => rawIo.err(terminalSafe(t)) };
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const target = args[0] ? commands.find((c) => c.name === args[0]) : undefined;
    io.out(target ? `${target.usage}\n` : overview(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${overview(commands)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`error: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.err(`error: ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    io.log?.error({ err: error, command: name }, `cli: ${name} failed`);
    if (io.env.DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 1;
  }
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    'usage: npm run cli -- <command> [arguments]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  help <command> shows a command's usage`,
    '',
  ].join('\n');
}
