/**
 * One active runner per projection across processes (architecture §6). A holder keeps its lock as
 * long as it lives; when it dies the lock is freed and a waiting runner takes over.
 */
export interface LockHandle {
  /** Settles when the lock is lost without release() (connection dropped): stop writing at once. */
  readonly lost: Promise<Error>;
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** false: give up at once when someone else holds it (the CLI rebuild); default true. */
  wait?: boolean;
  signal?: AbortSignal;
}

export interface ProjectionLock {
  /** The lock, or undefined when wait is false and it is taken, or when the signal aborted. */
  acquire(name: string, options?: AcquireOptions): Promise<LockHandle | undefined>;
  /** Who holds it, for an operator's error message; undefined when unknown or free. */
  describeHolder?(name: string): Promise<string | undefined>;
}

/**
 * For the embedded store: PGlite lives in one process, so a lock shared by the runners of that
 * process is the whole story.
 */
export class InProcessLock implements ProjectionLock {
  private readonly held = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();

  async acquire(name: string, options: AcquireOptions = {}): Promise<LockHandle | undefined> {
    while (this.held.has(name)) {
      if (options.wait === false || options.signal?.aborted) return undefined;
      const woken = await new Promise<boolean>((resolve) => {
        const queue = this.waiters.get(name) ?? [];
        const wake = (): void => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve(true);
        };
        const onAbort = (): void => {
          const q = this.waiters.get(name) ?? [];
          this.waiters.set(name, q.filter((w) => w !== wake));
          resolve(false);
        };
        queue.push(wake);
        this.waiters.set(name, queue);
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      if (!woken) return undefined;
    }
    this.held.add(name);
    let released = false;
    return {
      lost: new Promise<Error>(() => undefined),
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(name);
        this.waiters.get(name)?.shift()?.();
      },
    };
  }

  async describeHolder(name: string): Promise<string | undefined> {
    return this.held.has(name) ? `this process (pid ${process.pid})` : undefined;
  }
}
