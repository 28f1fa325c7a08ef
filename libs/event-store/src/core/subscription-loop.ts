import { AsyncLocalStorage } from 'node:async_hooks';
import type { Checkpoint, EventHandler, RecordedEvent, Subscription } from '../event-store.port';
import { START } from '../event-store.port';

/**
 * A wake-up flag with memory: a signal that arrives while nobody waits is kept, so a notification
 * landing between "read returned nothing" and "start waiting" is never lost.
 */
export class Wakeup {
  private pending = false;
  private release: (() => void) | undefined;

  signal(): void {
    this.pending = true;
    this.release?.();
  }

  /** Forget earlier signals: called just before a read, which will see whatever they announced. */
  clear(): void {
    this.pending = false;
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.release = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.release = done;
    });
  }
}

export interface PollingSubscriptionSource {
  readAfter(after: Checkpoint, limit: number): Promise<RecordedEvent[]>;
  /** Registers a wake-up callback (notifications, in-process appends); returns its removal. */
  onWake(listener: () => void): () => void;
  /**
   * True when events after `after` are committed but not yet readable (an older transaction is still
   * open). Their own notification has already been spent, so the loop polls quickly until they show.
   */
  isHeldBack?(after: Checkpoint): Promise<boolean>;
}

export interface PollingSubscriptionOptions {
  after?: Checkpoint;
  batchSize?: number;
  /** Fallback when a notification is lost (listener reconnecting, NOTIFY dropped). */
  pollIntervalMs?: number;
  /** Poll interval while readable events are held back by an older open transaction. */
  heldBackPollMs?: number;
}

/**
 * Catch-up then live over readAfter(): read a batch, hand each event to the handler in order, and
 * when a batch comes back short, sleep until a wake-up or the poll interval. The reader's own
 * ordering guarantees (see the SQL adapter) make this gap-free; this loop only must not drop or
 * repeat what it was given.
 */
export function startPollingSubscription(
  source: PollingSubscriptionSource,
  handler: EventHandler,
  options: PollingSubscriptionOptions = {},
): Subscription & { readonly position: Checkpoint } {
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 300;
  const heldBackPollMs = Math.min(options.heldBackPollMs ?? 25, pollIntervalMs);
  const wakeup = new Wakeup();
  let position = options.after ?? START;
  let stopped = false;
  // Knows whether stop() is being called from inside this subscription's own handler.
  const insideHandler = new AsyncLocalStorage<true>();
  const removeListener = source.onWake(() => wakeup.signal());

  const run = async (): Promise<void> => {
    try {
      while (!stopped) {
        wakeup.clear();
        const batch = await source.readAfter(position, batchSize);
        for (const event of batch) {
          if (stopped) return;
          await insideHandler.run(true, () => handler(event));
          position = event.checkpoint;
        }
        if (stopped || batch.length === batchSize) continue;
        const heldBack = (await source.isHeldBack?.(position)) ?? false;
        await wakeup.wait(heldBack ? heldBackPollMs : pollIntervalMs);
      }
    } catch (error) {
      // A read failing because stop() closed the store underneath is not an error of the subscription.
      if (!stopped) throw error;
    } finally {
      stopped = true;
      removeListener();
    }
  };

  const done = run();
  // Callers that never await `done` must not crash the process with an unhandled rejection.
  done.catch(() => undefined);

  return {
    done,
    get position() {
      return position;
    },
    stop: async () => {
      stopped = true;
      wakeup.signal();
      // Called from inside the handler, waiting for the loop would wait for ourselves.
      if (insideHandler.getStore()) return;
      await done.catch(() => undefined);
    },
  };
}
