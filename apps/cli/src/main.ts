import { createLogger, type Logger, readLogSettings } from '../../../libs/logging/src';
import { openProjectionRuntime } from '../../../projections/core/open-projection-runtime';
import { builtInProjections } from '../../../projections/projections.catalogue';
import { runCli } from './cli';
import type { CliCommand } from './cli-command';
import { terminalSafe } from './terminal-output';
import { rebuildCommand } from './commands/rebuild.command';
import { replayCommand } from './commands/replay.command';
import { retentionCommand } from './commands/retention.command';
import { rotateMasterKeyCommand } from './commands/rotate-master-key.command';
import { tokenCommand } from './commands/token.command';
import { demoCommand } from './commands/demo.command';
import { verifyCommand } from './commands/verify.command';
import { embeddedApiFor } from './embedded/embedded-api.client';
import { openAuditStore } from './open-audit-store';
import { loadCatalogue } from '../../../libs/catalogue/src';

/** Every command of `npm run cli -- <command>`. Add yours here: one entry, its own file under commands/. */
export const COMMANDS: CliCommand[] = [
  rebuildCommand({ openRuntime: openProjectionRuntime, projections: builtInProjections, reachApi: embeddedApiFor }),
  tokenCommand(),
  demoCommand(),
  replayCommand({ openStore: openAuditStore, loadCatalogue: (env) => loadCatalogue(env.PROGRAMMES_DIR?.trim() || undefined) }),
  verifyCommand({ openStore: openAuditStore }),
  retentionCommand({ openRuntime: openProjectionRuntime, loadCatalogue: (env) => loadCatalogue(env.PROGRAMMES_DIR?.trim() || undefined), reachApi: embeddedApiFor }),
  rotateMasterKeyCommand({ openRuntime: openProjectionRuntime }),
];

/**
 * On stderr: stdout is the command's output, which scripts read. At warn unless LOG_LEVEL says
 * otherwise: a person at a terminal reads the command's own messages; LOG_LEVEL=info records each run.
 */
function cliLogger(): Logger | undefined {
  try {
    return createLogger({ service: 'cli', fd: 2, ...readLogSettings(process.env, 'warn') });
  } catch (error) {
    process.stderr.write(terminalSafe(`error: ${(error as Error).message}\n`));
    process.exitCode = 2;
    return undefined;
  }
}

const log = cliLogger();
const [command] = process.argv.slice(2);
const started = Date.now();
if (log) {
  runCli(process.argv.slice(2), COMMANDS, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    interactive: Boolean(process.stdout.isTTY),
    log,
  }).then(
    (code) => {
      // The command's name only: its arguments may name a household or carry a secret.
      log.info({ command: command ?? null, exitCode: code, durationMs: Date.now() - started }, `cli: ${command ?? 'help'} exited ${code}`);
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(terminalSafe(`error: ${error instanceof Error ? error.message : String(error)}\n`));
      log.error({ err: error, command: command ?? null }, `cli: ${command ?? 'help'} failed`);
      process.exitCode = 1;
    },
  );
}
