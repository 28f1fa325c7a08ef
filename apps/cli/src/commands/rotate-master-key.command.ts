import {
  formatMasterKey,
  generateMasterKey,
  installMasterKeyFile,
  nextMasterKeyId,
  parseMasterKey,
  resolveMasterKeyring,
  SqlKeyStore,
  type MasterKey,
  type MasterKeyring,
} from '../../../../libs/crypto/src';
import type { SqlDatabase } from '../../../../libs/event-store/src';
import type { RuntimeOpener } from '../../../../projections/core/projection-runtime';
import { masterKeySourcesFrom } from '../../../worker/src/retention/retention.runtime';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';

export interface RotateMasterKeyDeps {
  openRuntime: RuntimeOpener;
}

/**
 * `rotate-master-key [--status | --generate]`: rewraps every household data key under a new master
 * key. Events are never read or written: only the household_keys rows change.
 */
export function rotateMasterKeyCommand(deps: RotateMasterKeyDeps): CliCommand {
  return {
    name: 'rotate-master-key',
    summary: 'rewrap every household key under a new master key (events untouched); --status, --generate',
    usage: [
      'usage: npm run cli -- rotate-master-key [--status | --generate]',
      '',
      'Rewraps every live household data key under the new master key; the events are not touched. The new key is',
      'MASTER_KEY_NEXT when set. On the embedded store without it, a key is generated and written to DATA_DIR/master-key',
      '(the replaced one goes to DATA_DIR/master-key.previous) before anything is rewrapped. With MASTER_KEY (a server',
      'store), set MASTER_KEY_NEXT: the command never invents a key it could not give back to your secret store.',
      'Afterwards: MASTER_KEY=<new> and MASTER_KEY_PREVIOUS=<old> on every process, restart, run again to rewrap keys',
      'created meanwhile under the old one, and retire the old key once --status shows it unused (docs/privacy.md).',
      '',
      '--status    data keys per master key, and which configured keys are still needed',
      '--generate  print a fresh key (<id>:<base64>) for MASTER_KEY_NEXT; nothing else is done',
      'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data)',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args);
      for (const flag of flags.keys()) if (!['status', 'generate'].includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
      if (positionals.length > 0) throw new CliUsageError('rotate-master-key takes no arguments');
      if (flags.has('status') && flags.has('generate')) throw new CliUsageError('give --status or --generate, not both');
      const sources = masterKeySourcesFrom(io.env);
      const ring = resolveMasterKeyring(sources);
      if (flags.has('generate')) {
        const ids = ring ? [ring.current, ...ring.previous].map((k) => k.id) : [];
        io.out(`${formatMasterKey(generateMasterKey(nextMasterKeyId(ids)))}\n`);
        return 0;
      }
      if (!ring) {
        io.err('error: no master key is configured (MASTER_KEY, or DATA_DIR/master-key on the embedded store): there is nothing to rotate.\n');
        return 1;
      }
      if (flags.has('status')) return status(deps, io, ring);
      return rotate(deps, io, ring);
    },
  };
}

async function rotate(deps: RotateMasterKeyDeps, io: CliIo, ring: MasterKeyring): Promise<number> {
  const known = [ring.current, ...ring.previous];
  let next: MasterKey;
  const given = io.env.MASTER_KEY_NEXT?.trim();
  if (given) next = parseMasterKey(given, 'MASTER_KEY_NEXT');
  else if (ring.source === 'data-dir') next = generateMasterKey(nextMasterKeyId(known.map((k) => k.id)));
  else {
    io.err(
      'error: MASTER_KEY_NEXT is not set. Store this freshly generated key in your secret store, then run again with it:\n' +
        `  MASTER_KEY_NEXT=${formatMasterKey(generateMasterKey(nextMasterKeyId(known.map((k) => k.id))))}\n`,
    );
    return 1;
  }
  const clash = known.find((k) => k.id === next.id && !k.key.equals(next.key));
  if (clash) throw new Error(`the new master key reuses the id "${next.id}" of another key: give it a new id`);

  const runtime = await deps.openRuntime(io.env, { owner: 'cli', mustExist: true });
  try {
    const keys = await SqlKeyStore.open(runtime.db as SqlDatabase, ring);
    // The new key is saved before any row depends on it: a crash leaves every key that wraps a row on disk.
    if (ring.source === 'data-dir' && ring.dataDir) installMasterKeyFile(ring.dataDir, next);
    const before = await keys.masterKeyUsage();
    const { rewrapped } = await keys.rotateMasterKey(next);
    io.out(`store: ${runtime.description}\n`);
    io.out(`rewrapped ${rewrapped} household data key(s) under master key ${next.id} (before: ${describeUsage(before)}); no event was read or written\n`);
    if (ring.source === 'data-dir') {
      io.out(`${ring.dataDir}/master-key now holds ${next.id}; the replaced keys stay in master-key.previous until --status shows them unused\n`);
    } else if (next.id !== ring.current.id) {
      const previous = [ring.current, ...ring.previous].map((k) => k.id).join(', ');
      io.out(
        `next: set MASTER_KEY to the ${next.id} key and MASTER_KEY_PREVIOUS to the ${previous} key(s) on every process, restart them,\n` +
          `      run rotate-master-key again with MASTER_KEY_NEXT=${next.id}'s key to rewrap keys created meanwhile, then retire the old key(s) when --status allows\n`,
      );
    }
    return 0;
  } finally {
    await runtime.close();
  }
}

async function status(deps: RotateMasterKeyDeps, io: CliIo, ring: MasterKeyring): Promise<number> {
  const runtime = await deps.openRuntime(io.env, { owner: 'cli', mustExist: true });
  try {
    const keys = await SqlKeyStore.open(runtime.db as SqlDatabase, ring);
    const usage = await keys.masterKeyUsage();
    io.out(`store: ${runtime.description}\nmaster keys: current ${ring.current.id} (${ring.description})\n`);
    let missing = 0;
    for (const u of usage) {
      const role = u.masterKeyId === ring.current.id ? 'current' : ring.previous.some((p) => p.id === u.masterKeyId) ? 'previous' : 'NOT CONFIGURED';
      if (role === 'NOT CONFIGURED') missing++;
      io.out(`  ${u.masterKeyId}: ${u.dataKeys} household data key(s), ${role}\n`);
    }
    for (const p of ring.previous) {
      if (!usage.some((u) => u.masterKeyId === p.id)) io.out(`  ${p.id}: wraps no data key any more: it can be retired\n`);
    }
    if (missing > 0) io.err(`error: ${missing} master key(s) wrapping data keys are not configured: those households cannot be read\n`);
    return missing > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

function describeUsage(usage: { masterKeyId: string; dataKeys: number }[]): string {
  return usage.length ? usage.map((u) => `${u.dataKeys} under ${u.masterKeyId}`).join(', ') : 'none';
}
