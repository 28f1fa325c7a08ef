import { NotFoundError, parisDate, type CalendarDate, type Clock, type IdGenerator } from '../../../libs/domain/src';
import { allowedCommandsOf } from './allowed-commands';
import { backoffDelayMs, type ConflictBackoff } from './conflict-backoff';
import { decide, type Command, type CommandMeta } from './decide';
import type { ExpectedVersion, RecordedEvent } from './event-envelope';
import { fold } from './fold';
import { initialSnapshot } from './machine-state';
import { CommandRefused, ConcurrencyConflict, PreconditionFailed } from './refusal';
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
 * The application service around decide(): load, fold, decide, append with the version loaded,
 * and on a conflict reload and decide again (the command may have become invalid meanwhile, which
 * is then reported as its refusal).
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

  /** Every stored event, for history views; NotFoundError when there is none. */
  async history(streamId: string): Promise<RecordedEvent[]> {
    const events = await this.readAll(streamId);
    if (!events) throw this.notFound(streamId);
    return events;
  }

  async run(streamId: string, command: Command, options: RunOptions): Promise<RunResult<C>> {
    const { registry, store, clock, ids, snapshots, backoff, earliestOccurredAt } = this.deps;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let loaded = await this.tryLoad(streamId);
      if (!loaded) {
        const definition = registry.get(options.workflowVersion ?? registry.latest().version);
        if (!definition.creationCommands.includes(command.type)) throw this.notFound(streamId);
        const snapshot = initialSnapshot(definition);
        loaded = { definition, snapshot, allowedCommands: allowedCommandsOf(definition, snapshot, this.today()) };
      }
      const loadedVersion = loaded.snapshot.version;
      if (options.expectedVersion !== undefined && options.expectedVersion !== loadedVersion) {
        throw new PreconditionFailed(streamId, options.expectedVersion, loadedVersion);
      }
      const decision = decide(loaded.definition, loaded.snapshot, command, options, { clock, ids, earliestOccurredAt });
      if (!decision.accepted) throw new CommandRefused(decision.refusal);

      const expectedVersion: ExpectedVersion = loadedVersion === 0 ? 'no-stream' : loadedVersion;
      try {
        const appended = await store.append(streamId, decision.events, { expectedVersion });
        await snapshots?.put(streamId, decision.snapshot as WorkflowSnapshot<unknown>);
        return { events: appended.events, version: appended.nextExpectedVersion, snapshot: decision.snapshot, allowedCommands: decision.allowedCommands };
      } catch (error) {
        if (!hasCode(error, WRONG_EXPECTED_VERSION)) throw error;
        await snapshots?.delete(streamId);
        if (options.expectedVersion !== undefined) {
          throw new PreconditionFailed(streamId, options.expectedVersion, actualVersionOf(error) ?? loadedVersion + 1);
        }
        if (backoff && attempt < this.maxAttempts) await backoff.sleep(backoffDelayMs(backoff, attempt));
      }
    }
    throw new ConcurrencyConflict(streamId, this.maxAttempts);
  }

  private async tryLoad(streamId: string): Promise<LoadedWorkflow<C> | undefined> {
    const cached = await this.fromCache(streamId);
    if (cached) return cached;
    const events = await this.readAll(streamId);
    if (!events || events.length === 0) return undefined;
    const definition = this.deps.registry.forStream(events);
    const snapshot = fold(definition, events);
    await this.deps.snapshots?.put(streamId, snapshot as WorkflowSnapshot<unknown>);
    return { definition, snapshot, allowedCommands: allowedCommandsOf(definition, snapshot, this.today()) };
  }

  /** A cached snapshot plus the events after it; anything suspicious means "no cache". */
  private async fromCache(streamId: string): Promise<LoadedWorkflow<C> | undefined> {
    const { snapshots, registry } = this.deps;
    if (!snapshots) return undefined;
    try {
      const cached = (await snapshots.get(streamId)) as WorkflowSnapshot<C> | undefined;
      if (!cached || cached.version < 1 || !registry.has(cached.workflowVersion)) return undefined;
      const definition = registry.get(cached.workflowVersion);
      if (cached.workflow !== definition.name) return undefined;
      const newer = await this.deps.store.readStream(streamId, { from: cached.version + 1 });
      const snapshot = fold(definition, newer, cached);
      return { definition, snapshot, allowedCommands: allowedCommandsOf(definition, snapshot, this.today()) };
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

function actualVersionOf(error: unknown): number | undefined {
  const e = error as { actualVersion?: unknown; details?: { actualVersion?: unknown } };
  const v = e.actualVersion ?? e.details?.actualVersion;
  return typeof v === 'number' ? v : undefined;
}
