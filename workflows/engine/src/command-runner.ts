import { NotFoundError, parisDate, type CalendarDate, type Clock, type IdGenerator } from '../../../libs/domain/src';
import { allowedCommandsOf } from './allowed-commands';
import { backoffDelayMs, type ConflictBackoff } from './conflict-backoff';
import { decide, type Command, type CommandMeta } from './decide';
import type { ExpectedVersion, RecordedEvent } from './event-envelope';
import { fold } from './fold';
import { withLazyAllowedCommands } from './lazy-allowed-commands';
import { initialSnapshot } from './machine-state';
import { CommandRefused, ConcurrencyConflict, PreconditionFailed, type Refusal } from './refusal';
import type { SnapshotCache } from './snapshot-cache.port';
import type { WorkflowDefinition } from './workflow-definition';
import type { WorkflowRegistry } from './workflow-registry';
import type { WorkflowSnapshot } from './workflow-snapshot';
import { hasCode, STREAM_NOT_FOUND, WRONG_EXPECTED_VERSION, type WorkflowStore } from './workflow-store.port';

export interface CommandRunnerDeps<C> {
  store: WorkflowStore;
  registry: WorkflowRegistry<C>;
  clock: Clock;
  ids: IdGenerator;
  /** Attempts on a wrong-expected-version conflict before giving up (default 5). */
  maxAttempts?: number;
  /** The wait between those attempts; without it the runner retries at once. */
  backoff?: ConflictBackoff;
  /** The earliest business date accepted (see decide). */
  earliestOccurredAt?: CalendarDate;
  snapshots?: SnapshotCache;
  /**
   * Who may run this command on this instance, checked on the snapshot each attempt decides on (the
   * cached one, or the stream as stored after a conflict), so a check made earlier on a cached snapshot
   * can never outlive a change another writer made. Throws to refuse.
   */
  authorize?: (command: Command, snapshot: WorkflowSnapshot<C>, meta: RunOptions) => void;
}

export interface RunOptions extends CommandMeta {
  /**
   * The version the caller saw (HTTP If-Match). When given, a mismatch is a PreconditionFailed and
   * is never retried: the caller decided on a state that no longer exists.
   */
  expectedVersion?: number;
  /** For a command that opens a stream: the workflow version to start on (default: the latest). */
  workflowVersion?: number;
}

export interface RunResult<C> {
  /** The events as the store recorded them. */
  events: RecordedEvent[];
  /** Stream version after the append: the next If-Match. */
  version: number;
  snapshot: WorkflowSnapshot<C>;
  allowedCommands: string[];
}

export interface LoadedWorkflow<C> {
  definition: WorkflowDefinition<C>;
  snapshot: WorkflowSnapshot<C>;
  allowedCommands: string[];
}

/**
 * The application service around decide(): start from the cached snapshot (or the stream, read and
 * folded), decide, append with that version, and on a conflict reload and decide again (the command
 * may have become invalid meanwhile, which is then reported as its refusal).
 */
export class CommandRunner<C = unknown> {
  private readonly maxAttempts: number;

  constructor(private readonly deps: CommandRunnerDeps<C>) {
    this.maxAttempts = deps.maxAttempts ?? 5;
  }

  /** The current snapshot, or NotFoundError('<workflow>-not-found'). */
  async load(streamId: string): Promise<LoadedWorkflow<C>> {
    const loaded = await this.tryLoad(streamId);
    if (!loaded) throw this.notFound(streamId);
    return loaded;
  }

  /**
   * The cached snapshot as it is, without asking the store, or undefined. Only for a check that a
   * command repeats on the state it decides on (CommandRunnerDeps.authorize): it may be stale.
   */
  async peek(streamId: string): Promise<WorkflowSnapshot<C> | undefined> {
    return (await this.cached(streamId))?.snapshot;
  }

  /** Every stored event, for history views; NotFoundError when there is none. */
  async history(streamId: string): Promise<RecordedEvent[]> {
    const events = await this.readAll(streamId);
    if (!events) throw this.notFound(streamId);
    return events;
  }

  async run(streamId: string, command: Command, options: RunOptions): Promise<RunResult<C>> {
    const { store, clock, ids, snapshots, backoff, earliestOccurredAt } = this.deps;
    // The first attempt starts from what this process already knows (a cached snapshot, or nothing
    // for a creation command), without asking the store: the append's version check catches a stale
    // start, and every later attempt reads the stream.
    let trusted = true;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let start = trusted ? await this.startWithoutReading(streamId, command, options) : undefined;
      // An If-Match other than the cached version may be the newer one: only the store can say.
      if (start && options.expectedVersion !== undefined && options.expectedVersion !== start.snapshot.version) start = undefined;
      const loaded = start ?? (await this.loadForCommand(streamId, command, options));
      // Throws unless the start is unverified: a refusal is never answered from it.
      const authorized = this.authorized(command, loaded.snapshot, options, start !== undefined);
      const loadedVersion = loaded.snapshot.version;
      if (options.expectedVersion !== undefined && options.expectedVersion !== loadedVersion) {
        throw new PreconditionFailed(streamId, options.expectedVersion, loadedVersion);
      }
      const decision = authorized ? decide(loaded.definition, loaded.snapshot, command, options, { clock, ids, earliestOccurredAt }) : undefined;
      if (!decision?.accepted) {
        // Refused on an unverified start (the stream may have moved on): the same attempt decides
        // again on the stream as stored.
        if (start) {
          trusted = false;
          attempt--;
          continue;
        }
        throw new CommandRefused((decision as { refusal: Refusal }).refusal);
      }

      const expectedVersion: ExpectedVersion = loadedVersion === 0 ? 'no-stream' : loadedVersion;
      try {
        const appended = await store.append(streamId, decision.events, { expectedVersion });
        await snapshots?.put(streamId, decision.snapshot as WorkflowSnapshot<unknown>);
        return withLazyAllowedCommands(
          { events: appended.events, version: appended.nextExpectedVersion, snapshot: decision.snapshot },
          () => decision.allowedCommands,
        );
      } catch (error) {
        if (!hasCode(error, WRONG_EXPECTED_VERSION)) throw error;
        trusted = false;
        await snapshots?.delete(streamId);
        if (options.expectedVersion !== undefined) {
          throw new PreconditionFailed(streamId, options.expectedVersion, actualVersionOf(error) ?? loadedVersion + 1);
        }
        if (backoff && attempt < this.maxAttempts) await backoff.sleep(backoffDelayMs(backoff, attempt));
      }
    }
    throw new ConcurrencyConflict(streamId, this.maxAttempts);
  }

  /** Runs the authorize hook; a refusal on an unverified start answers false (decide again on the stream as stored) instead of throwing. */
  private authorized(command: Command, snapshot: WorkflowSnapshot<C>, options: RunOptions, unverified: boolean): boolean {
    try {
      this.deps.authorize?.(command, snapshot, options);
      return true;
    } catch (error) {
      if (unverified) return false;
      throw error;
    }
  }

  /** A cached snapshot as it is, or the initial one for a creation command on a stream this process never saw. */
  private async startWithoutReading(streamId: string, command: Command, options: RunOptions): Promise<Start<C> | undefined> {
    const cached = await this.cached(streamId);
    if (cached) return cached;
    // An unknown workflowVersion is answered by the path that reads the stream, as it always was.
    if (options.workflowVersion !== undefined && !this.deps.registry.has(options.workflowVersion)) return undefined;
    const definition = this.creationDefinition(command, options);
    return definition ? { definition, snapshot: initialSnapshot(definition) } : undefined;
  }

  /** The stream as stored (refreshing the cache), or the initial snapshot if it has no event and the command opens one. */
  private async loadForCommand(streamId: string, command: Command, options: RunOptions): Promise<Start<C>> {
    const loaded = await this.tryLoad(streamId, false);
    if (loaded) return loaded;
    const definition = this.creationDefinition(command, options);
    if (!definition) throw this.notFound(streamId);
    return { definition, snapshot: initialSnapshot(definition) };
  }

  private creationDefinition(command: Command, options: RunOptions): WorkflowDefinition<C> | undefined {
    const { registry } = this.deps;
    const definition = registry.get(options.workflowVersion ?? registry.latest().version);
    return definition.creationCommands.includes(command.type) ? definition : undefined;
  }

  private async tryLoad(streamId: string, useCache = true): Promise<LoadedWorkflow<C> | undefined> {
    const cached = useCache ? await this.fromCache(streamId) : undefined;
    if (cached) return cached;
    const events = await this.readAll(streamId);
    if (!events || events.length === 0) return undefined;
    const definition = this.deps.registry.forStream(events);
    const snapshot = fold(definition, events);
    await this.deps.snapshots?.put(streamId, snapshot as WorkflowSnapshot<unknown>);
    return loadedWorkflow(definition, snapshot, () => this.today());
  }

  /** The cached snapshot if it belongs to a workflow version in service; anything else means "no cache". */
  private async cached(streamId: string): Promise<Start<C> | undefined> {
    const { snapshots, registry } = this.deps;
    if (!snapshots) return undefined;
    const cached = (await snapshots.get(streamId)) as WorkflowSnapshot<C> | undefined;
    if (!cached || cached.version < 1 || !registry.has(cached.workflowVersion)) return undefined;
    const definition = registry.get(cached.workflowVersion);
    return cached.workflow === definition.name ? { definition, snapshot: cached } : undefined;
  }

  /** For reads: a cached snapshot plus the events after it; anything suspicious means "no cache". */
  private async fromCache(streamId: string): Promise<LoadedWorkflow<C> | undefined> {
    const { snapshots } = this.deps;
    if (!snapshots) return undefined;
    try {
      const cached = await this.cached(streamId);
      if (!cached) return undefined;
      const newer = await this.deps.store.readStream(streamId, { from: cached.snapshot.version + 1 });
      const snapshot = fold(cached.definition, newer, cached.snapshot);
      if (newer.length > 0) await snapshots.put(streamId, snapshot as WorkflowSnapshot<unknown>);
      return loadedWorkflow(cached.definition, snapshot, () => this.today());
    } catch {
      await snapshots.delete(streamId);
      return undefined;
    }
  }

  private async readAll(streamId: string): Promise<RecordedEvent[] | undefined> {
    try {
      return await this.deps.store.readStream(streamId);
    } catch (error) {
      if (hasCode(error, STREAM_NOT_FOUND)) return undefined;
      throw error;
    }
  }

  /** The date allowed commands are given for: a screen posts today's facts by default. */
  private today(): string {
    return parisDate(this.deps.clock.now());
  }

  private notFound(streamId: string): NotFoundError {
    return new NotFoundError(`${this.deps.registry.name}-not-found`, `There is no ${this.deps.registry.name} ${streamId}.`);
  }
}

/** Where a command starts from: the definition and the snapshot it decides on. */
interface Start<C> {
  definition: WorkflowDefinition<C>;
  snapshot: WorkflowSnapshot<C>;
}

function loadedWorkflow<C>(definition: WorkflowDefinition<C>, snapshot: WorkflowSnapshot<C>, on: () => CalendarDate): LoadedWorkflow<C> {
  return withLazyAllowedCommands({ definition, snapshot }, () => allowedCommandsOf(definition, snapshot, on()));
}

function actualVersionOf(error: unknown): number | undefined {
  const e = error as { actualVersion?: unknown; details?: { actualVersion?: unknown } };
  const v = e.actualVersion ?? e.details?.actualVersion;
  return typeof v === 'number' ? v : undefined;
}
