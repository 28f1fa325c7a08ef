import fc from 'fast-check';
import { addDays, FixedClock } from '../../../libs/domain/src';
import { allowedCommandsOf, decide, fold, initialSnapshot, type RecordedEvent } from '../../engine/src';
import { SequentialIds } from '../../engine/src/testing/in-memory-workflow-store';
import { pickCommand, payloadFor, type Pick } from './testing/command-generator';
import { receiveSaisine, testDeps } from './testing';
import { createTrajectoryWorkflowV1, createTrajectoryWorkflowV2, type TrajectorySnapshot } from './trajectory.workflow';

const definitions = { 1: createTrajectoryWorkflowV1(testDeps()), 2: createTrajectoryWorkflowV2(testDeps()) };
const actor = { id: 'referent-1', role: 'referent' as const };

interface Journey {
  events: RecordedEvent[];
  /** The live snapshot after each accepted command, by stream version. */
  live: Map<number, TrajectorySnapshot>;
  accepted: number;
}

/** Drives the real decide() with commands drawn from the snapshot's allowedCommands. */
function runJourney(version: 1 | 2, programmeCode: string, choices: number[]): Journey {
  const definition = definitions[version];
  let cursor = 0;
  const pick: Pick = (n) => (n <= 1 ? 0 : choices[cursor++ % choices.length] % n);
  const ids = new SequentialIds();
  const clock = new FixedClock('2035-01-01T12:00:00Z');
  const events: RecordedEvent[] = [];
  const live = new Map<number, TrajectorySnapshot>();
  let snapshot = initialSnapshot(definition);
  let date = '2026-01-02';
  let accepted = 0;

  const apply = (type: string, payload: unknown) => {
    const decision = decide(definition, snapshot, { type, payload }, { actor, occurredAt: date }, { clock, ids });
    if (!decision.accepted) return;
    decision.events.forEach((e, i) =>
      events.push({ ...e, streamId: 'trajectory-p', version: snapshot.version + i + 1, schemaVersion: e.schemaVersion ?? 1, metadata: { ...e.metadata, recordedAt: 'x' } } as RecordedEvent),
    );
    snapshot = decision.snapshot;
    live.set(snapshot.version, snapshot);
    accepted++;
  };

  apply('receive-saisine', { ...(receiveSaisine().payload as object), programmeCode });
  for (let step = 0; step < 45 && snapshot.status === 'active'; step++) {
    date = addDays(date, pick(4) === 0 ? pick(40) : pick(8));
    const allowed = allowedCommandsOf(definition, snapshot, date);
    if (allowed.length === 0) break;
    const command = pickCommand(pick, allowed, snapshot.context);
    apply(command, payloadFor(command, snapshot.context, pick));
  }
  return { events, live, accepted };
}

/** What an erasure leaves: every event without its personal part. */
function withoutPersonal(events: RecordedEvent[]): RecordedEvent[] {
  return events.map((e) => {
    const { personal: _personal, ...data } = e.data as Record<string, unknown>;
    return { ...e, data };
  });
}

describe('replay is deterministic (property)', () => {
  it('replaying a random valid journey from scratch, or from any prefix, gives the live snapshot', () => {
    let total = 0;
    let stages = new Set<string>();
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2>(1, 2),
        fc.constantFrom('asll-test', 'gla-test'),
        fc.array(fc.nat({ max: 1_000 }), { minLength: 20, maxLength: 200 }),
        fc.nat(),
        (version, programme, choices, cut) => {
          const definition = definitions[version];
          const { events, live, accepted } = runJourney(version, programme, choices);
          total += accepted;
          for (const e of events) seen.add(e.type);
          const last = live.get(events.length)!;
          stages = new Set([...stages, last.stage]);

          const replayed = fold(definition, events);
          expect(replayed).toEqual(last);

          const k = 1 + (cut % events.length);
          const prefix = fold(definition, events.slice(0, k));
          if (live.has(k)) expect(prefix).toEqual(live.get(k));
          expect(fold(definition, events.slice(k), prefix)).toEqual(replayed);

          // The snapshot never depends on personal data, so an erasure changes nothing.
          expect(fold(definition, withoutPersonal(events))).toEqual(replayed);
        },
      ),
      { numRuns: 500, seed: 20261123 },
    );
    // The generator must reach deep into the workflow, not stop at the saisine.
    expect(total / 500).toBeGreaterThan(10);
    expect(stages.size).toBeGreaterThanOrEqual(4);
    for (const type of ['MeasureStarted', 'PointRecorded', 'MeasureSuspended', 'MeasureRenewed', 'FinalEvaluationRecorded', 'RelaisConfirmed', 'VeilleVisitRecorded', 'TrajectoryReopened', 'TrajectoryClosed']) {
      expect(seen).toContain(type);
    }
  });
});
