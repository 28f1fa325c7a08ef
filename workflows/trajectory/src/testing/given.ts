import { FixedClock, type Actor } from '../../../../libs/domain/src';
import { commandOffersOf, decide, fold, initialSnapshot, type CommandOffer, type Decision, type RecordedEvent } from '../../../engine/src';
import { SequentialIds } from '../../../engine/src/testing/in-memory-workflow-store';
import type { TrajectoryEventType } from '../events';
import { trajectoryFactsOf, type TrajectoryFacts } from '../obligations/trajectory-facts';
import type { TrajectoryContext } from '../trajectory-context';
import { createTrajectoryWorkflowV1, createTrajectoryWorkflowV2, type TrajectoryDefinition, type TrajectorySnapshot } from '../trajectory.workflow';
import type { WhenCommand } from './command-fixtures';
import type { GivenEvent, GivenStep } from './event-fixtures';
import { testDeps } from './test-installation';

const ACTOR: Actor = { id: 'referent-1', role: 'referent' };
const STREAM = 'trajectory-00000000-0000-4000-8000-0000000000aa';

export interface ScenarioOptions {
  version?: 1 | 2;
  /** Today in Paris for the "not in the future" rule (default 2027-06-30). */
  today?: string;
  definition?: TrajectoryDefinition;
}

/** Stored form of given events, as a replay would read them. */
export function toRecorded(events: readonly GivenEvent[], workflowVersion = 1): RecordedEvent[] {
  return events.map((e, i) => ({
    id: `given-${i + 1}`,
    streamId: STREAM,
    version: i + 1,
    type: e.type,
    schemaVersion: 1,
    data: JSON.parse(JSON.stringify(e.data)) as unknown,
    metadata: { occurredAt: e.occurredAt, recordedAt: `${e.occurredAt}T12:00:00.000Z`, workflowVersion, actor: ACTOR },
  }));
}

/** Resolves the given steps one by one (each may look at the state so far) and folds them. */
export function resolveGiven(definition: TrajectoryDefinition, steps: readonly GivenStep[]): { events: GivenEvent[]; snapshot: TrajectorySnapshot } {
  const events: GivenEvent[] = [];
  let snapshot = initialSnapshot(definition);
  for (const step of steps) {
    const lastDate = events.length ? events[events.length - 1].occurredAt : '2026-01-02';
    const produced = typeof step === 'function' ? step({ context: snapshot.context, lastDate, stage: snapshot.stage }) : Array.isArray(step) ? step : [step];
    const recorded = toRecorded([...events, ...produced], definition.version).slice(events.length);
    snapshot = fold(definition, recorded, snapshot);
    events.push(...produced);
  }
  return { events, snapshot };
}

export class Then {
  constructor(
    readonly decision: Decision<TrajectoryContext>,
    readonly before: TrajectorySnapshot,
  ) {}

  /** The command was accepted and produced exactly these events (data matched partially). */
  thenEvents(...expected: Array<TrajectoryEventType | { type: TrajectoryEventType; data?: Record<string, unknown> }>): this {
    if (!this.decision.accepted) throw new Error(`Expected events, got refusal ${this.decision.refusal.code}: ${this.decision.refusal.reason}`);
    const events = this.decision.events;
    expect(events.map((e) => e.type)).toEqual(expected.map((x) => (typeof x === 'string' ? x : x.type)));
    expected.forEach((x, i) => {
      if (typeof x !== 'string' && x.data) expect(events[i].data).toMatchObject(x.data);
    });
    return this;
  }

  thenRefused(expected: { code: string; stage?: string; kind?: 'invalid' | 'rule'; reason?: string }): this {
    if (this.decision.accepted) throw new Error(`Expected refusal ${expected.code}, got events ${this.decision.events.map((e) => e.type).join(', ')}`);
    expect(this.decision.refusal).toMatchObject(expected);
    expect(this.decision.refusal.reason.length).toBeGreaterThan(10);
    expect(this.decision.refusal.stage).toBe(this.before.stage);
    return this;
  }

  thenStage(stage: string): this {
    if (!this.decision.accepted) throw new Error(`Expected stage ${stage}, got refusal ${this.decision.refusal.code}: ${this.decision.refusal.reason}`);
    expect(this.decision.snapshot.stage).toBe(stage);
    return this;
  }

  /** The snapshot after the command, for ad-hoc assertions. */
  get snapshot(): TrajectorySnapshot {
    if (!this.decision.accepted) throw new Error(`Refused: ${this.decision.refusal.code}`);
    return this.decision.snapshot;
  }
}

export class Given {
  constructor(
    readonly definition: TrajectoryDefinition,
    readonly steps: readonly GivenStep[],
    readonly today: string,
  ) {}

  get resolved(): { events: GivenEvent[]; snapshot: TrajectorySnapshot } {
    return resolveGiven(this.definition, this.steps);
  }

  get snapshot(): TrajectorySnapshot {
    return this.resolved.snapshot;
  }

  /** The facts what the trajectory owes is computed from, folded from the given events as stored. */
  get facts(): TrajectoryFacts {
    const facts = trajectoryFactsOf(toRecorded(this.resolved.events, this.definition.version));
    if (!facts) throw new Error('No SaisineReceived in the given events');
    return facts;
  }

  /** What the trajectory offers on a date (allowedCommands with their requirements). */
  offersOn(date: string): CommandOffer[] {
    return commandOffersOf(this.definition, this.snapshot, date);
  }

  allowedOn(date: string): string[] {
    return this.offersOn(date).map((offer) => offer.command);
  }

  when(command: WhenCommand): Then {
    const { events, snapshot } = this.resolved;
    const occurredAt = command.occurredAt ?? (events.length ? events[events.length - 1].occurredAt : this.today);
    const decision = decide(
      this.definition,
      snapshot,
      { type: command.type, payload: command.payload },
      { actor: ACTOR, occurredAt },
      { clock: new FixedClock(`${this.today}T10:00:00+02:00`), ids: new SequentialIds() },
    );
    return new Then(decision, snapshot);
  }
}

/** A given/when/then scenario builder bound to a machine version and a "today". */
export function scenario(options: ScenarioOptions = {}): (...steps: GivenStep[]) => Given {
  const definition = options.definition ?? (options.version === 2 ? createTrajectoryWorkflowV2(testDeps()) : createTrajectoryWorkflowV1(testDeps()));
  return (...steps) => new Given(definition, steps, options.today ?? '2027-06-30');
}

/** given(...events).when(command).thenEvents(...) / .thenRefused({ code, stage }) on v1. */
export const given = scenario();
