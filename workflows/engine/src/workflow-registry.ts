import type { RecordedEvent } from './event-envelope';
import type { WorkflowDefinition } from './workflow-definition';

/**
 * Every version of one workflow, side by side. New streams start on the latest version; a stream
 * keeps the version recorded in its first event for ever (moving it would need an explicit,
 * recorded migration event).
 */
export class WorkflowRegistry<C = unknown> {
  private readonly versions = new Map<number, WorkflowDefinition<C>>();

  constructor(
    readonly name: string,
    definitions: readonly WorkflowDefinition<C>[] = [],
  ) {
    definitions.forEach((d) => this.register(d));
  }

  register(definition: WorkflowDefinition<C>): this {
    if (definition.name !== this.name) throw new Error(`Cannot register ${definition.name} in the ${this.name} registry`);
    if (!Number.isInteger(definition.version) || definition.version < 1) throw new Error(`Workflow versions are positive integers, got ${definition.version}`);
    if (this.versions.has(definition.version)) throw new Error(`${this.name} v${definition.version} is already registered: add a new version instead of replacing one`);
    this.versions.set(definition.version, definition);
    return this;
  }

  get(version: number): WorkflowDefinition<C> {
    const definition = this.versions.get(version);
    if (!definition) throw new Error(`${this.name} v${version} is not registered`);
    return definition;
  }

  has(version: number): boolean {
    return this.versions.has(version);
  }

  latest(): WorkflowDefinition<C> {
    if (this.versions.size === 0) throw new Error(`No version of ${this.name} is registered`);
    return this.get(Math.max(...this.versions.keys()));
  }

  list(): number[] {
    return [...this.versions.keys()].sort((a, b) => a - b);
  }

  /** The version a stream was started with: its first event's metadata, else its data. */
  forStream(events: readonly RecordedEvent[]): WorkflowDefinition<C> {
    const first = events[0];
    if (!first) return this.latest();
    const fromMeta = first.metadata.workflowVersion;
    const fromData = (first.data as { workflowVersion?: unknown } | null)?.workflowVersion;
    const version = typeof fromMeta === 'number' ? fromMeta : typeof fromData === 'number' ? fromData : undefined;
    if (version === undefined) throw new Error(`Stream ${first.streamId} does not record its workflowVersion`);
    return this.get(version);
  }
}
