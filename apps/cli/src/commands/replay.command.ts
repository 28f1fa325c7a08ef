import type { Catalogue } from '../../../../libs/catalogue/src';
import { isCalendarDate, isUuid, trajectoryStreamId, type CalendarDate } from '../../../../libs/domain/src';
import { foldAsOf, type AsOfFold, type RecordedEvent } from '../../../../workflows/engine/src';
import { createTrajectoryRegistry } from '../../../../workflows/trajectory/src';
import type { AuditStoreOpener } from '../audit-store';
import { buildTimeline, formatTimeline } from '../audit/trajectory-timeline';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';

export interface ReplayCommandDeps {
  openStore: AuditStoreOpener;
  /** The programmes and briques the machine folds with (PROGRAMMES_DIR beside the shipped ones). */
  loadCatalogue: (env: NodeJS.ProcessEnv) => Promise<Catalogue>;
}

/** Every machine version in service: a stream replays on the version it recorded, whatever the default. */
const VERSIONS = [1, 2];

/**
 * `replay <trajectory-id> [--at <instant> | --as-of <date>] [--json]`: the case history as recorded: who did what,
 * the business date and the recorded date of each event, and the state after it, folded through the
 * same workflow engine as the API. Event data (personal data) is not printed.
 */
export function replayCommand(deps: ReplayCommandDeps): CliCommand {
  return {
    name: 'replay',
    summary: 'the timeline of a trajectory: who did what, when, and the state after each event',
    usage: [
      'usage: npm run cli -- replay <trajectory-id> [--at <instant> | --as-of <date>] [--json]',
      '',
      'Reads the trajectory\'s events, checks their hash chain and folds them one by one through the machine',
      'version they recorded. Each event shows its business date (occurred) and the server date (recorded),',
      'its author (id and role from the token) and the state it left: stage, referent, programme, convention,',
      'measure, active briques, suspension, closing. No personal data is printed.',
      '',
      '--at <instant>  only the events recorded at or before it (ISO 8601, e.g. 2026-03-01T12:00:00Z): the case',
      '                as the service knew it then',
      '--as-of <date>  only the events whose business date (occurred) is on or before that Paris date (YYYY-MM-DD),',
      '                whenever they were recorded: the case as it stood that day (as GET .../history?asOf=)',
      '--json          the same as JSON',
      'Exit code 1 when the trajectory is unknown, its chain is altered or it cannot be replayed.',
      'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data)',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args, ['at', 'as-of']);
      for (const flag of flags.keys()) if (!['at', 'as-of', 'json'].includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
      if (flags.has('at') && flags.has('as-of')) throw new CliUsageError('give either --at (an instant: by recording) or --as-of (a date: by business date), not both');
      if (positionals.length !== 1) throw new CliUsageError('give one trajectory id');
      const id = positionals[0].replace(/^trajectory-/, '').toLowerCase();
      if (!isUuid(id)) throw new CliUsageError(`"${positionals[0]}" is not a trajectory id (a uuid)`);
      const at = parseInstant(flags.get('at'));
      const asOf = parseDate(flags.get('as-of'));
      const json = flags.has('json');

      const catalogue = await deps.loadCatalogue(io.env);
      const registry = createTrajectoryRegistry({ programmes: catalogue.programmes, briques: catalogue.briques }, { versions: VERSIONS });
      const opened = await deps.openStore(io.env);
      try {
        const streamId = trajectoryStreamId(id);
        const all = await readOrNone(opened.store, streamId);
        if (all.length === 0) {
          io.err(`error: there is no trajectory ${id} in ${opened.description}\n`);
          return 1;
        }
        let selection: Pick<AsOfFold<unknown>, 'applied' | 'notApplied'> | undefined;
        if (asOf) {
          try {
            selection = foldAsOf(registry.forStream(all), all, asOf);
          } catch (error) {
            io.err(`error: trajectory ${id} cannot be replayed: ${(error as Error).message}\n`);
            return 1;
          }
        }
        const events = selection ? selection.applied : at ? all.filter((e) => Date.parse(e.metadata.recordedAt) <= at.getTime()) : all;
        if (events.length === 0 && asOf) {
          io.err(`error: trajectory ${id} had not opened yet on ${asOf} (its first event is dated ${String(all[0].metadata.occurredAt ?? all[0].metadata.recordedAt)})\n`);
          return 1;
        }
        if (events.length === 0) {
          io.err(`error: trajectory ${id} did not exist yet at ${at?.toISOString()} (its first event was recorded ${all[0].metadata.recordedAt})\n`);
          return 1;
        }
        const chain = await opened.store.verifyStream(streamId);
        const timeline = buildTimeline(streamId, events, registry, { renumber: asOf !== undefined });
        const trusted = chain.ok && !timeline.failure;
        if (json) {
          const scopeJson = asOf ? { asOf, selectedBy: 'occurredAt', notApplied: selection?.notApplied ?? [] } : at ? { at: at.toISOString(), selectedBy: 'recordedAt' } : {};
          io.out(`${JSON.stringify({ trajectoryId: id, store: opened.description, ...scopeJson, chain, ...timeline }, null, 2)}\n`);
          return trusted ? 0 : 1;
        }
        const scope = asOf
          ? `, as of ${asOf} by business date: ${events.length} of ${all.length} events`
          : at
            ? `, as recorded at or before ${at.toISOString()}: ${events.length} of ${all.length} events`
            : `, ${all.length} events`;
        io.out(`trajectory ${id} (store: ${opened.description}, workflow v${timeline.workflowVersion ?? '?'}${scope})\n`);
        io.out(
          chain.ok
            ? `hash chain: intact (${chain.eventsChecked} events checked)\n\n`
            : `hash chain: ALTERED from event #${chain.firstBroken?.version} (${chain.firstBroken?.id}): what follows is not what was recorded\n\n`,
        );
        io.out(formatTimeline(timeline));
        for (const skipped of selection?.notApplied ?? []) io.out(`not applied: #${skipped.version} ${skipped.type} (dated on or before ${asOf}, refused in stream order: ${skipped.reason})\n`);
        const last = timeline.entries[timeline.entries.length - 1];
        const when = asOf ? `as of ${asOf}` : at ? `at ${at.toISOString()}` : 'now';
        if (last) io.out(`\n${when}: stage ${last.state.stage}${last.state.status === 'done' ? ' (done)' : ''}\n`);
        return trusted ? 0 : 1;
      } finally {
        await opened.close();
      }
    },
  };
}

function parseInstant(value: string | true | undefined): Date | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new CliUsageError('--at needs an instant');
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new CliUsageError(`--at must be an ISO 8601 instant such as 2026-03-01T12:00:00Z (got ${value})`);
  return new Date(t);
}

function parseDate(value: string | true | undefined): CalendarDate | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new CliUsageError('--as-of needs a date');
  if (!isCalendarDate(value)) throw new CliUsageError(`--as-of must be a calendar date YYYY-MM-DD such as 2026-04-20 (got ${value})`);
  return value;
}

async function readOrNone(store: { readStream(id: string): Promise<RecordedEvent[]> }, streamId: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'stream-not-found') return [];
    throw error;
  }
}
