import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { TRAJECTORY_EVENT_TYPES } from '../../workflows/trajectory/src';
import { generateJourneys, type GeneratedTrajectory } from './testing/random-journeys';
import { evolveTrajectoryFacts, type TrajectoryFacts } from './trajectory-facts.reducer';

function recorded(t: GeneratedTrajectory): RecordedEvent[] {
  return t.events.map((e, i) => ({
    id: e.id,
    streamId: t.streamId,
    version: i + 1,
    globalPosition: i + 1,
    checkpoint: `1/${i + 1}`,
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: e.data,
    metadata: { ...e.metadata, recordedAt: '2026-01-01T00:00:00Z' },
    hash: '',
  }));
}

describe('trajectory facts agree with the workflow', () => {
  // Plus journeys under a programme with briques before the lease, cadences and milestones (issue 17).
  // And journeys under a programme whose measures are validated, with documents shared (issue 13).
  const journeys = [
    ...generateJourneys({ count: 300, seed: 42 }),
    ...generateJourneys({ count: 60, seed: 17, programmes: ['schedule-test'], weights: { 'choose-scale': 1 } }),
    ...generateJourneys({
      count: 60,
      seed: 13,
      programmes: ['asll-validated-test'],
      weights: { 'submit-for-validation': 8, 'validate-measure': 5, 'reject-measure': 3, 'share-with-partner': 1, 'draft-contract': 2 },
    }),
  ];

  it('generates journeys that go through (nearly) every kind of event', () => {
    const seen = new Set(journeys.flatMap((j) => j.events.map((e) => e.type)));
    const missing = TRAJECTORY_EVENT_TYPES.filter((t) => !seen.has(t));
    expect(missing.filter((t) => t !== 'ContractDeclined')).toEqual([]);
  });

  it('folds to the same stage and referent as the machine for every generated journey', () => {
    for (const j of journeys) {
      const facts = recorded(j).reduce<TrajectoryFacts | undefined>((f, e) => evolveTrajectoryFacts(f, e), undefined);
      expect(facts).toBeDefined();
      expect({ id: j.id, stage: facts?.stage, referent: facts?.referentId }).toEqual({ id: j.id, stage: j.snapshot.stage, referent: j.snapshot.context.referentId ?? null });
    }
  });
});
