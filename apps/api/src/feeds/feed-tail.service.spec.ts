import { FeedTail } from './feed-tail.service';
import type { FeedDatabase } from './feeds.tokens';

/** A feed table reduced to its last sequence, without LISTEN: the tail must find growth by polling. */
function fakeDb(): FeedDatabase & { last: number; polls: number } {
  const db = {
    last: 0,
    polls: 0,
    async query<R>() {
      db.polls++;
      return { rows: [{ last: db.last }] as R[] };
    },
  };
  return db;
}

describe('feed tail', () => {
  it('wakes a waiting stream when a poll finds the feed grew, not before', async () => {
    const db = fakeDb();
    const tail = new FeedTail(db, { pollMs: 5, heartbeatMs: 60_000 });
    await tail.onModuleInit();
    const gone = new AbortController();
    // The first poll has nothing to compare with: it wakes the waiter, which reads again.
    await tail.watch(gone.signal, 60_000).changed;
    const wait = tail.watch(gone.signal, 60_000);
    let woken = false;
    void wait.changed.then(() => (woken = true));
    const before = db.polls;
    for (let i = 0; i < 1000 && db.polls < before + 3; i++) await new Promise((r) => setImmediate(r));
    expect(woken).toBe(false);
    db.last = 7;
    await wait.changed;
    await tail.onModuleDestroy();
  });

  it('ends every wait at shutdown and when the client goes', async () => {
    const tail = new FeedTail(fakeDb(), { pollMs: 60_000, heartbeatMs: 60_000 });
    const client = new AbortController();
    const first = tail.watch(client.signal, 60_000);
    client.abort();
    await first.changed;
    const second = tail.watch(new AbortController().signal, 60_000);
    await tail.onModuleDestroy();
    await second.changed;
    expect(tail.shutdown.aborted).toBe(true);
  });

  it('wakes on the projection notification when the database can LISTEN', async () => {
    let notify: () => void = () => undefined;
    const db: FeedDatabase = {
      query: async <R>() => ({ rows: [{ last: 0 }] as R[] }),
      listen: async (_channel, onNotification) => {
        notify = () => onNotification('');
        return async () => undefined;
      },
    };
    const tail = new FeedTail(db, { pollMs: 60_000, heartbeatMs: 60_000 });
    await tail.onModuleInit();
    const wait = tail.watch(new AbortController().signal, 60_000);
    notify();
    await wait.changed;
    await tail.onModuleDestroy();
  });
});
