import type { Projection } from '../../../../projections/core/projection.port';
import { rebuildProjection, type RebuildProgress } from '../../../../projections/core/projection.rebuilder';
import { ProjectionSchema } from '../../../../projections/core/projection.schema';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';
import type { RuntimeOpener } from '../../../../projections/core/projection-runtime';
import type { EmbeddedApi, OperatorRole } from '../embedded/embedded-api.client';

const number = new Intl.NumberFormat('en-US');

export function formatProgress(p: RebuildProgress): string {
  const percent = p.total > 0 ? Math.min(100, Math.floor((p.done * 100) / p.total)) : 100;
  return `${p.projection}: ${number.format(p.done)} / ${number.format(p.total)} events (${percent} %), ${number.format(Math.round(p.ratePerSecond))} events/s`;
}

export interface RebuildCommandDeps {
  openRuntime: RuntimeOpener;
  projections: () => Projection[];
  /** The API holding the embedded store, when one does: the rebuild then runs there (embedded-api.client.ts). */
  reachApi?: (env: NodeJS.ProcessEnv, role: OperatorRole) => Promise<EmbeddedApi | undefined>;
}

type Rebuild = (projection: Projection, onProgress: (p: RebuildProgress) => void) => Promise<RebuildProgress>;

/** `rebuild <projection>...|--all`: drops the tables and replays $all, printing progress. */
export function rebuildCommand(deps: RebuildCommandDeps): CliCommand {
  const names = (): string[] => deps.projections().map((p) => p.name);
  return {
    name: 'rebuild',
    summary: "drop a projection's tables and replay every event into them",
    get usage() {
      return [
        'usage: npm run cli -- rebuild <projection>... | --all [--wait] [--batch-size N]',
        '',
        "Drops the projection's tables, creates them again and replays the whole store into them, printing",
        'events done / total and the rate. Holds the projection lock meanwhile: if a worker (or the API on',
        'the embedded store) runs the projection, stop it first or pass --wait to wait for its lock. While the',
        'API holds the embedded store (DATA_DIR), the rebuild runs in the API (as admin) and its progress is shown here.',
        '',
        `projections: ${names().join(', ')}`,
        'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data)',
      ].join('\n');
    },
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args, ['batch-size']);
      for (const flag of flags.keys()) if (!['all', 'wait', 'batch-size'].includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
      const all = deps.projections();
      if (flags.has('all') && positionals.length > 0) throw new CliUsageError('give projection names or --all, not both');
      const unknown = positionals.filter((n) => !all.some((p) => p.name === n));
      if (unknown.length) throw new CliUsageError(`unknown projection ${unknown.join(', ')} (known: ${names().join(', ')})`);
      const chosen = flags.has('all') ? all : all.filter((p) => positionals.includes(p.name));
      if (chosen.length === 0) throw new CliUsageError('which projection? give its name, or --all');
      const batch = flags.get('batch-size');
      const batchSize = batch === undefined ? undefined : Number(batch);
      if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)) throw new CliUsageError('--batch-size must be an integer from 1 to 100000');

      const api = await deps.reachApi?.(io.env, 'admin');
      if (api) {
        const throughApi: Rebuild = (projection, onProgress) => api.runJob(`/admin/projections/${encodeURIComponent(projection.name)}/rebuild`, onProgress);
        return rebuildAll(io, api.description, chosen, throughApi);
      }
      const runtime = await deps.openRuntime(io.env, { owner: 'cli', mustExist: true });
      try {
        const schema = new ProjectionSchema(runtime.db, runtime.migrator);
        const here: Rebuild = (projection, onProgress) =>
          rebuildProjection({ store: runtime.store, db: runtime.db, schema, lock: runtime.lock, projection, batchSize, wait: flags.has('wait'), onProgress });
        return await rebuildAll(io, runtime.description, chosen, here);
      } finally {
        await runtime.close();
      }
    },
  };
}

async function rebuildAll(io: CliIo, description: string, chosen: readonly Projection[], rebuild: Rebuild): Promise<number> {
  io.out(`store: ${description}\n`);
  for (const projection of chosen) {
    let shown = false;
    const final = await rebuild(projection, (p) => {
      // A terminal gets one line rewritten in place; a log gets one line per report.
      io.out(io.interactive ? `\r${formatProgress(p)}\x1b[K` : `${formatProgress(p)}\n`);
      shown = true;
    });
    if (io.interactive && shown) io.out('\n');
    io.out(`${projection.name} rebuilt: ${number.format(final.done)} events in ${(final.elapsedMs / 1000).toFixed(1)} s (${number.format(Math.round(final.ratePerSecond))} events/s)\n`);
  }
  return 0;
}
