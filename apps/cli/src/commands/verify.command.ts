import { isUuid, trajectoryStreamId } from '../../../../libs/domain/src';
import type { StoreVerification, StoreVerificationProgress } from '../../../../libs/event-store/src';
import type { StreamVerification } from '../../../../libs/event-store/src/event-store.port';
import type { AuditStore, AuditStoreOpener } from '../audit-store';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';

const number = new Intl.NumberFormat('en-US');

export interface VerifyCommandDeps {
  openStore: AuditStoreOpener;
  /** How many streams between two progress lines when the output is not a terminal (default 500). */
  progressEvery?: number;
}

/**
 * `verify --all | <trajectory-id>...`: recomputes every hash chain and names the streams whose stored
 * events no longer match what was recorded; with --all, every stored row is checked too. Exit 1 as
 * soon as one is altered, so a cron job can alert; an empty store is not "all clear" either.
 */
export function verifyCommand(deps: VerifyCommandDeps): CliCommand {
  return {
    name: 'verify',
    summary: "check the hash chain of every stream (or of some trajectories) and list the altered ones",
    usage: [
      'usage: npm run cli -- verify --all [--allow-empty] | <trajectory-id>...',
      '',
      "Recomputes each event's sha-256 from its content and its predecessor's hash and compares it with the",
      'stored one. Prints progress, then every altered stream with its first broken event. --all also checks',
      'every stored row: events no stream points at, version gaps, two events on one position, a stream that',
      'lost its last event are reported as altered.',
      '--allow-empty  an empty store is fine (otherwise it is reported, exit 1: the wrong DATA_DIR or DATABASE_URL?)',
      'Exit code: 0 all intact, 1 at least one stream altered, an empty store or a failure, 2 wrong usage.',
      'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data);',
      'never created: a store that does not exist is an error. While the API holds DATA_DIR, it does the work.',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args);
      for (const flag of flags.keys()) if (!['all', 'allow-empty'].includes(flag)) throw new CliUsageError(`unknown option --${flag}`);
      if (flags.has('all') === positionals.length > 0) throw new CliUsageError('give trajectory ids or --all (not both)');
      const ids = positionals.map((p) => p.replace(/^trajectory-/, '').toLowerCase());
      const bad = ids.find((id) => !isUuid(id));
      if (bad) throw new CliUsageError(`"${bad}" is not a trajectory id (a uuid)`);

      const opened = await deps.openStore(io.env);
      try {
        io.out(`store: ${opened.description}\n`);
        const progress = progressPrinter(io, deps.progressEvery ?? 500);
        if (!flags.has('all')) {
          const altered: StreamVerification[] = [];
          let events = 0;
          for (let i = 0; i < ids.length; i++) {
            const result = await verifyOne(opened, trajectoryStreamId(ids[i]));
            events += result.eventsChecked;
            if (!result.ok) altered.push(result);
            progress({ streamsDone: i + 1, streamsTotal: ids.length, eventsChecked: events, altered: altered.length });
          }
          progress.end();
          for (const a of altered) io.out(describeAltered(a));
          io.out(altered.length ? `${altered.length} altered stream${altered.length > 1 ? 's' : ''} out of ${ids.length}\n` : `all ${ids.length} streams intact\n`);
          return altered.length ? 1 : 0;
        }
        const report = await opened.verifyAll(progress);
        progress.end();
        return printReport(io, report, opened.description, flags.has('allow-empty'));
      } finally {
        await opened.close();
      }
    },
  };
}

function printReport(io: CliIo, report: StoreVerification, description: string, allowEmpty: boolean): number {
  if (report.empty) {
    io.out(`the store is EMPTY: no event is stored in ${description}\n`);
    if (allowEmpty) return 0;
    io.err('error: nothing to verify: is this the store you meant (DATABASE_URL, DATABASE_SCHEMA, DATA_DIR)? Pass --allow-empty if an empty store is expected.\n');
    return 1;
  }
  for (const a of report.altered) io.out(describeAltered(a));
  const problems = report.storage?.problems ?? [];
  for (const p of problems) io.out(`ALTERED storage (${p.kind}): ${p.detail}\n`);
  if (report.storage?.truncated) io.out('… and more stored rows of the kinds above (only the first 100 of each kind are listed)\n');
  const rows = report.storage
    ? `, ${number.format(report.storage.eventsStored)} stored events checked row by row${problems.length ? `: ${problems.length} problem${problems.length > 1 ? 's' : ''}` : ''}`
    : ', stored rows not checked (this store keeps versions and positions itself)';
  if (report.intact) {
    io.out(`all ${report.streams} streams intact${rows}\n`);
    return 0;
  }
  io.out(`${report.altered.length} altered stream${report.altered.length === 1 ? '' : 's'} out of ${report.streams}${rows}\n`);
  return 1;
}

/** A terminal gets one line rewritten in place; a log gets a line every `every` streams and at the end. */
function progressPrinter(io: CliIo, every: number): ((p: StoreVerificationProgress) => void) & { end(): void } {
  let printedBucket = 0;
  let shown = false;
  let last: StoreVerificationProgress | undefined;
  const line = (p: StoreVerificationProgress) =>
    `verified ${number.format(p.streamsDone)} / ${number.format(p.streamsTotal)} streams, ${number.format(p.eventsChecked)} events checked, ${p.altered} altered`;
  const print = Object.assign(
    (p: StoreVerificationProgress) => {
      last = p;
      if (io.interactive) {
        io.out(`\r${line(p)}\x1b[K`);
        shown = true;
        return;
      }
      const bucket = Math.floor(p.streamsDone / every);
      if (bucket > printedBucket || p.streamsDone === p.streamsTotal) {
        printedBucket = bucket;
        io.out(`${line(p)}\n`);
        shown = p.streamsDone === p.streamsTotal;
      }
    },
    {
      end() {
        if (io.interactive && shown) io.out('\n');
        else if (!io.interactive && last && !shown) io.out(`${line(last)}\n`);
        if (!last) io.out('no stream to verify\n');
      },
    },
  );
  return print;
}

/** A trajectory id that names no stream is reported as such, not as intact. */
async function verifyOne(opened: AuditStore, streamId: string): Promise<StreamVerification> {
  try {
    return await opened.store.verifyStream(streamId);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'stream-not-found') throw error;
    return { streamId, ok: false, eventsChecked: 0 };
  }
}

function describeAltered(v: StreamVerification): string {
  if (!v.firstBroken) return `MISSING ${v.streamId}: no such stream\n`;
  const b = v.firstBroken;
  return `ALTERED ${v.streamId}: event #${b.version} (${b.id}) stored hash ${b.storedHash.slice(0, 16)}… but its content gives ${b.expectedHash.slice(0, 16)}…\n`;
}
