import { openProjectionRuntime } from '../../../projections/core/open-projection-runtime';
import { builtInProjections } from '../../../projections/projections.catalogue';
import { runCli } from './cli';
import type { CliCommand } from './cli-command';
import { rebuildCommand } from './commands/rebuild.command';
import { replayCommand } from './commands/replay.command';
import { retentionCommand } from './commands/retention.command';
import { rotateMasterKeyCommand } from './commands/rotate-master-key.command';
import { tokenCommand } from './commands/token.command';
import { demoCommand } from './commands/demo.command';
import { verifyCommand } from './commands/verify.command';
import { openAuditStore } from './open-audit-store';
import { loadCatalogue } from '../../api/src/trajectories/load-catalogue';

/** Every command of `npm run cli -- <command>`. Add yours here: one entry, its own file under commands/. */
export const COMMANDS: CliCommand[] = [
  rebuildCommand({ openRuntime: openProjectionRuntime, projections: builtInProjections }),
  tokenCommand(),
  demoCommand(),
  replayCommand({ openStore: openAuditStore, loadCatalogue: (env) => loadCatalogue(env.PROGRAMMES_DIR?.trim() || undefined) }),
  verifyCommand({ openStore: openAuditStore }),
  retentionCommand({ openRuntime: openProjectionRuntime, loadCatalogue: (env) => loadCatalogue(env.PROGRAMMES_DIR?.trim() || undefined) }),
  rotateMasterKeyCommand({ openRuntime: openProjectionRuntime }),
];

runCli(process.argv.slice(2), COMMANDS, {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  interactive: Boolean(process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
