import { startPollingSubscription, Wakeup } from './subscription-loop';
import type { RecordedEvent } from '../event-store.port';

const event = (n: number): RecordedEvent =>
  ({ id: `${n}`, streamId: 's', version: n, globalPosition: n, checkpoint: `1/${n}`, type: 'T', schemaVersion: 1, data: {}, metadata: { recordedAt: '' }, hash: '' }) as RecordedEvent;

describe('polling subscription', () => {
  it('keeps a wake-up that arrives while nobody waits', async () => {
    const wakeup = new Wakeup();
    wakeup.signal();
    const started = Date.now();
    await wakeup.wait(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads again at once when woken during a read, so a notification is never lost', async () => {
    const log: number[] = [];
    let stored = [event(1)];
    let wake: () => void = () => undefined;
    const subscription = startPollingSubscription(
      {
        readAfter: async (after) => {
          const position = Number(after.split('/')[1]);
          const page = stored.filter((e) => e.globalPosition > position);
          // An append lands, and is announced, while this read is in flight.
          if (stored.length === 1) {
            stored = [event(1), event(2)];
            wake();
          }
          return page;
        },
        onWake: (listener) => {
          wake = listener;
          return () => undefined;
        },
      },
      (e) => void log.push(e.version),
      { pollIntervalMs: 600_000 },
    );
    const deadline = Date.now() + 10_000;
    while (log.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.stop();
    expect(log).toEqual([1, 2]);
  });
});
