import { parisDate, systemClock, type Clock } from '../../../../libs/domain/src';
import type { RetentionDecision } from '../../../../libs/privacy/src';
import type { RuntimeOpener } from '../../../../projections/core/projection-runtime';
import type { Catalogue } from '../../../../libs/catalogue/src';
import { masterKeySourcesFrom, privacyRuntimeOver, retentionReadModelReady, retentionSweep } from '../../../worker/src/retention/retention.runtime';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';
import type { EmbeddedApi, OperatorRole } from '../embedded/embedded-api.client';

export interface RetentionCommandDeps {
  openRuntime: RuntimeOpener;
  loadCatalogue: (env: NodeJS.ProcessEnv) => Promise<Catalogue>;
  clock?: Clock;
  /** How long to wait for the retention read model to catch up (default 10 minutes). */
  readyTimeoutMs?: number;
  /** The API holding the embedded store, when one does: the dry run is asked of it (embedded-api.client.ts). */
  reachApi?: (env: NodeJS.ProcessEnv, role: OperatorRole) => Promise<EmbeddedApi | undefined>;
}

function why(d: RetentionDecision): string {
  return `last contact ${d.lastContactOn} + ${d.retentionMonths} months (${d.programme}) = expired on ${d.expiresOn}`;
}

/** `retention [--dry-run]`: who is past the retention period, and (without --dry-run) their erasure. */
export function retentionCommand(deps: RetentionCommandDeps): CliCommand {
  return {
    name: 'retention',
    summary: 'erase the households whose retention period is over (--dry-run lists them)',
    usage: [
      'usage: npm run cli -- retention [--dry-run]',
      '',
      "Finds the households whose trajectories are all closed and whose last recorded contact is older than their",
      "programme's retentionMonths (default 24; the longest when several programmes), and erases them: their key is",
      'destroyed and HouseholdErased (reason retention-expired) recorded, as the worker does every day.',
      '',
      '--dry-run  list them (household, last contact, programme, retention, expiry date) and change nothing; while the',
      '           API holds the embedded store (DATA_DIR), it is asked (as admin). Erasing is then refused: stop the API first.',
      'Exit code 1 when an erasure failed (the next run retries it).',
      'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data)',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args);
      for (const flag of flags.keys()) if (flag !== 'dry-run') throw new CliUsageError(`unknown option --${flag}`);
      if (positionals.length > 0) throw new CliUsageError('retention takes no arguments');
      const clock = deps.clock ?? systemClock;
      const api = await deps.reachApi?.(io.env, 'admin');
      if (api) {
        if (!flags.has('dry-run')) {
          io.err(`error: ${api.dataDir} is held by the API (pid ${api.holder.pid}): stop it to run the retention sweep, or erase one household with POST /households/{id}/erasure. --dry-run works meanwhile.\n`);
          return 1;
        }
        const plan = await api.get<{ today: string; households: RetentionDecision[] }>('/admin/retention/dry-run');
        printPlan(io, api.description, plan.today, plan.households);
        return 0;
      }
      const catalogue = await deps.loadCatalogue(io.env);
      const runtime = await deps.openRuntime(io.env, { owner: 'cli', mustExist: true });
      try {
        const privacy = await privacyRuntimeOver(runtime, masterKeySourcesFrom(io.env), clock);
        // Decide on a read model that has everything: a household's newest trajectory may still be open.
        await retentionReadModelReady(runtime, { runHere: true, timeoutMs: deps.readyTimeoutMs ?? 10 * 60_000 });
        const sweep = retentionSweep(privacy, catalogue.programmes, clock);
        if (flags.has('dry-run')) {
          printPlan(io, runtime.description, parisDate(clock.now()), await sweep.plan());
          return 0;
        }
        io.out(`store: ${runtime.description}\n`);
        const result = await sweep.run((p) => {
          const status = p.error ? `FAILED: ${p.error.message}` : 'erased';
          io.out(`[${p.done}/${p.total}] household ${p.decision.householdId} ${status} (${why(p.decision)})\n`);
        });
        io.out(`${result.erased.length} household(s) erased, ${result.failed.length} failed\n`);
        return result.failed.length > 0 ? 1 : 0;
      } finally {
        await runtime.close();
      }
    },
  };
}

function printPlan(io: CliIo, description: string, today: string, plan: readonly RetentionDecision[]): void {
  io.out(`store: ${description}\n${plan.length} household(s) past their retention period on ${today} (dry run: nothing erased)\n`);
  for (const d of plan) io.out(`  household ${d.householdId}: ${why(d)}, ${d.trajectories} trajectory(ies)\n`);
}
