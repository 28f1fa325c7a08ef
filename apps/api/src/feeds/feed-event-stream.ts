import type { ServerResponse } from 'node:http';
import type { SqlExecutor } from '../../../../projections/core/sql.port';
import type { FeedRecord } from '../../../../projections/feeds/feed-record';
import { readFunderFeed } from '../../../../projections/feeds/feed.queries';
import type { FeedTail } from './feed-tail.service';

export const FEED_EVENT = 'feed-record';
const PAGE = 500;
/** Tells EventSource clients how soon to come back after a drop (ms). */
const RETRY_MS = 2000;

export interface FeedStreamOptions {
  db: SqlExecutor;
  tail: FeedTail;
  funderId: string;
  after: bigint;
  heartbeatMs: number;
  onError?: (error: unknown) => void;
}

/** One server-sent event per record; the id is the record's sequence, what Last-Event-ID sends back. */
export function formatFeedEvent(record: FeedRecord): string {
  return `id: ${record.sequence}\nevent: ${FEED_EVENT}\ndata: ${JSON.stringify(record)}\n\n`;
}

/**
 * Streams a funder's records after a cursor, then follows the feed live until the client goes away
 * or the server shuts down. Reads the same gap-safe pages as GET, so a client that reconnects with
 * Last-Event-ID gets every later record exactly once.
 */
export async function streamFeed(res: ServerResponse, options: FeedStreamOptions): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses by default; a live tail must not wait for a buffer to fill.
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n\n`);
  let cursor = options.after;
  let lastWrite = Date.now();
  try {
    while (!gone.signal.aborted && !options.tail.shutdown.aborted) {
      const wait = options.tail.watch(gone.signal, options.heartbeatMs);
      const page = await readFunderFeed(options.db, options.funderId, cursor, PAGE);
      if (page.records.length > 0) {
        wait.cancel();
        for (const record of page.records) await write(res, formatFeedEvent(record), gone.signal);
        cursor = BigInt(page.nextCursor);
        lastWrite = Date.now();
        continue;
      }
      await wait.changed;
      if (!gone.signal.aborted && Date.now() - lastWrite >= options.heartbeatMs) {
        await write(res, ': keep-alive\n\n', gone.signal);
        lastWrite = Date.now();
      }
    }
  } catch (e) {
    options.onError?.(e);
    // The status line is long gone: say it on the stream; the client reconnects from its last id.
    if (!gone.signal.aborted) {
      res.write(`event: error\ndata: ${JSON.stringify({ code: 'feed-stream-failed', detail: 'The feed could not be read; reconnect with Last-Event-ID.' })}\n\n`);
    }
  } finally {
    res.end();
  }
}

/** Respects back-pressure: a slow client holds the loop, not the process's memory. */
function write(res: ServerResponse, chunk: string, signal: AbortSignal): Promise<void> {
  if (res.write(chunk) || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
