// PGlite's dynamic imports need Node's own loader, outside jest's sandbox.
jest.mock('@electric-sql/pglite', () => jest.requireActual('../../libs/event-store/src/testing/pglite-outside-sandbox').loadPGliteModule());
import type { AddressInfo } from 'node:net';
import { bearer, runJourney, startFeedHarness, type FeedHarness } from '../../apps/api/src/feeds/testing/feed-e2e.harness';
import type { FeedRecord } from '../../projections/feeds/feed-record';
import { readFunderFeed } from '../../projections/feeds/feed.queries';
import { personalDataFor } from '../../projections/feeds/testing/trajectory-journey';

interface ServerSentEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A real client: fetch over a TCP socket, reading the body as it arrives and cutting it into events
 * the way EventSource does (blank line between events, field: value lines).
 */
class EventStreamClient {
  readonly events: ServerSentEvent[] = [];
  ended = false;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  status = 0;

  static async open(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
    const client = new EventStreamClient();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: client.abort.signal });
    client.status = response.status;
    if (response.ok && response.body) void client.pump(response.body);
    else client.ended = true;
    return client;
  }

  records(): FeedRecord[] {
    return this.events.filter((e) => e.event === 'feed-record').map((e) => JSON.parse(e.data) as FeedRecord);
  }

  /** Waits until the condition holds, or fails after the deadline; woken by each event, not by a timer. */
  async until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (this.ended) throw new Error(`stream ended while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (${this.records().length} records so far)`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event: ServerSentEvent = { data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const sep = line.indexOf(':');
            const field = sep < 0 ? line : line.slice(0, sep);
            const value = sep < 0 ? '' : line.slice(sep + 1).replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length > 0) {
            event.data = data.join('\n');
            this.events.push(event);
          }
        }
        this.wake();
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}

describe('funder feed as server-sent events (real HTTP client)', () => {
  let h: FeedHarness;
  let base: string;
  let closed = false;

  beforeAll(async () => {
    // No poll and no heartbeat within the test's time: live records can only come from the
    // projection's NOTIFY, which is what this suite checks along with the stream itself.
    h = await startFeedHarness({ pollMs: 600_000, heartbeatMs: 600_000 });
    await h.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
    for (const i of [0, 1]) await runJourney(h, personalDataFor(700 + i));
    await h.caughtUp();
  }, 300_000);
  afterAll(async () => {
    if (!closed) await h?.close();
  });

  async function table(funder: string): Promise<FeedRecord[]> {
    return (await readFunderFeed(h.db, funder, 0n, 1000)).records;
  }

  it('streams the feed from the start, then new records live, each with its sequence as event id', async () => {
    const client = await EventStreamClient.open(`${base}/feeds/caf`, { authorization: await bearer('funder', ['funder:caf']) });
    expect(client.status).toBe(200);
    const initial = await table('caf');
    await client.until(() => client.records().length === initial.length, 'the existing records');

    await runJourney(h, personalDataFor(710));
    await h.caughtUp();
    const now = await table('caf');
    expect(now.length).toBeGreaterThan(initial.length);
    await client.until(() => client.records().length === now.length, 'the live records');
    client.close();

    expect(client.records().map((r) => r.recordId)).toEqual(now.map((r) => r.recordId));
    const feedEvents = client.events.filter((e) => e.event === 'feed-record');
    expect(feedEvents.map((e) => Number(e.id))).toEqual(now.map((r) => r.sequence));
    expect(client.records().every((r) => r.funderId === 'caf')).toBe(true);
  }, 180_000);

  it('resumes after Last-Event-ID with exactly the records that follow, then follows live', async () => {
    const auth = await bearer('funder', ['funder:departement-x']);
    const all = await table('departement-x');
    const resumeAt = all[Math.floor(all.length / 2)];
    const client = await EventStreamClient.open(`${base}/feeds/departement-x`, { authorization: auth, 'last-event-id': String(resumeAt.sequence) });
    const rest = all.filter((r) => r.sequence > resumeAt.sequence);
    await client.until(() => client.records().length === rest.length, 'the records after Last-Event-ID');

    await runJourney(h, personalDataFor(720), { short: true });
    await h.caughtUp();
    const now = await table('departement-x');
    const expected = now.filter((r) => r.sequence > resumeAt.sequence);
    await client.until(() => client.records().length === expected.length, 'the live records after resuming');
    client.close();
    expect(client.records().map((r) => r.recordId)).toEqual(expected.map((r) => r.recordId));
  }, 180_000);

  it('checks access and the cursor before it starts streaming', async () => {
    const other = await EventStreamClient.open(`${base}/feeds/caf`, { authorization: await bearer('funder', ['funder:departement-x']) });
    expect(other.status).toBe(403);
    const bad = await EventStreamClient.open(`${base}/feeds/caf`, { authorization: await bearer('auditor'), 'last-event-id': 'x1' });
    expect(bad.status).toBe(400);
  });

  it('ends open streams when the server shuts down', async () => {
    const client = await EventStreamClient.open(`${base}/feeds/caf`, { authorization: await bearer('auditor') });
    await client.until(() => client.records().length > 0, 'a first record');
    await h.close();
    closed = true;
    await client.until(() => client.ended, 'the end of the stream').catch((e: Error) => {
      if (!/stream ended/.test(e.message)) throw e;
    });
    expect(client.ended).toBe(true);
  });
});
