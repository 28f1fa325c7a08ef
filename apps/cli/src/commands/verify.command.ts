import { isUuid, trajectoryStreamId } from '../../../../libs/domain/src';
import type { StreamVerification } from '../../../../libs/event-store/src/event-store.port';
import type { AuditStore, AuditStoreOpener } from '../audit-store';
import { CliUsageError, parseArgs, type CliCommand, type CliIo } from '../cli-command';

const number = new Intl.NumberFormat('en-US');
const PAGE = 1000;

export interface VerifyCommandDeps {
  openStore: AuditStoreOpener;
  /** How many streams between two progress lines when the output is not a terminal (default 500). */
  progressEvery?: number;
}

/**
 * `verify --all | <trajectory-id>...`: recomputes every hash chain and names the streams whose stored
 * events no longer match what was recorded. Exit 1 as soon as one is altered, so a cron job can alert.
 */
export function verifyCommand(deps: VerifyCommandDeps): CliCommand {
  return {
    name: 'verify',
    summary: "check the hash chain of every stream (or of some trajectories) and list the altered ones",
    usage: [
      'usage: npm run cli -- verify --all | <trajectory-id>...',
      '',
      "Recomputes each event's sha-256 from its content and its predecessor's hash and compares it with the",
      'stored one. Prints progress, then every altered stream with its first broken event.',
      'Exit code: 0 all intact, 1 at least one stream altered (or the store failed), 2 wrong usage.',
      'store: DATABASE_URL (PostgreSQL, DATABASE_SCHEMA for another schema than public) or DATA_DIR (PGlite, default ./data)',
    ].join('\n'),
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const { positionals, flags } = parseArgs(args);
      for (const flag of flags.keys()) if (flag !== 'all') throw new CliUsageError(`unknown option --${flag}`);
      if (flags.has('all') === positionals.length > 0) throw new CliUsageError('give trajectory ids or --all (not both)');
      const ids = positionals.map((p) => p.replace(/^trajectory-/, '').toLowerCase());
      const bad = ids.find((id) => !isUuid(id));
      if (bad) throw new CliUsageError(`"${bad}" is not a trajectory id (a uuid)`);

      const opened = await deps.openStore(io.env);
      try {
        io.out(`store: ${opened.description}\n`);
        const streams = flags.has('all') ? await allStreams(opened) : ids.map(trajectoryStreamId);
        const altered: StreamVerification[] = [];
        let events = 0;
        const every = deps.progressEvery ?? 500;
        const progress = (done: number) =>
          `verified ${number.format(done)} / ${number.format(streams.length)} streams, ${number.format(events)} events checked, ${altered.length} altered`;
        for (let i = 0; i < streams.length; i++) {
          const result = await verifyOne(opened, streams[i]);
          events += result.eventsChecked;
          if (!result.ok) altered.push(result);
          const done = i + 1;
          // A terminal gets one line rewritten in place; a log gets a line every `every` streams.
          if (io.interactive) io.out(`\r${progress(done)}\x1b[K`);
          else if (done % every === 0 || done === streams.length) io.out(`${progress(done)}\n`);
        }
        if (io.interactive && streams.length) io.out('\n');
        if (streams.length === 0) io.out('no stream to verify\n');
        for (const a of altered) io.out(describeAltered(a));
        io.out(altered.length ? `${altered.length} altered stream${altered.length > 1 ? 's' : ''} out of ${streams.length}\n` : `all ${streams.length} streams intact\n`);
        return altered.length ? 1 : 0;
      } finally {
        await opened.close();
      }
    },
  };
}

async function allStreams(opened: AuditStore): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await opened.store.listStreams({ after: ids[ids.length - 1], limit: PAGE });
    ids.push(...page);
    if (page.length < PAGE) return ids;
  }
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
