import { join } from 'node:path';
import { FixedClock } from '../../../libs/domain/src';
import { createBriqueRegistry } from '../../briques/src';
import { InMemoryWorkflowStore, SequentialIds } from '../../engine/src/testing/in-memory-workflow-store';
import { loadProgrammeRegistry } from '../../programmes/src';
import { createTrajectoryRunner, trajectoryDeadlines, trajectoryFactsOf } from '../../trajectory/src';
import { remobilisation } from './remobilisation.brique';

const PROGRAMMES = join(__dirname, 'programmes');

/** The installation: the national catalogue plus the plugin, and the example's programme file. */
function installation() {
  const briques = createBriqueRegistry([remobilisation]);
  const programmes = loadProgrammeRegistry(PROGRAMMES, { isKnownBrique: (code) => briques.has(code) });
  const store = new InMemoryWorkflowStore();
  const runner = createTrajectoryRunner({ briques, programmes, store, clock: new FixedClock('2026-12-01T09:00:00Z'), ids: new SequentialIds() });
  return { runner, programmes, store };
}

const referent = { id: 'referent-1', role: 'referent' as const };
const grid = ['pouvoir-louer', 'savoir-louer', 'savoir-habiter', 'savoir-s-adapter', 'besoin-accompagnement'].map((axis) => ({ axis, rating: 'in-progress' }));

describe('a custom "remobilisation" brique, end to end through the engine', () => {
  it('runs saisine -> contract -> start-brique remobilisation -> points -> complete-brique', async () => {
    const { runner, store } = installation();
    const id = 'trajectory-2f1c6a0e-8a4b-4c1e-9d52-0b6a3c1f7e10';
    const run = (type: string, payload: unknown, occurredAt: string) => runner.run(id, { type, payload }, { actor: referent, occurredAt });

    await run(
      'receive-saisine',
      {
        programmeCode: 'asll-remobilisation',
        conventionId: 'conv-remob-2026',
        prescriber: { kind: 'departement', name: 'MDS Villeurbanne' },
        motives: ['maintenance'],
        household: { composition: 'single', childrenCount: 0, ageBand: '45-54', referenceGender: 'male', mainResources: 'rsa' },
      },
      '2026-03-02',
    );
    await run('assign-referent', { referentId: 'referent-1' }, '2026-03-02');
    await run('record-first-contact', { mode: 'office' }, '2026-03-09');
    await run('record-evaluation-grid', { ratings: grid }, '2026-03-20');
    await run('conclude-diagnostic', { outcome: 'propose-accompaniment', householdSigned: true }, '2026-03-25');
    await run(
      'draft-contract',
      { measureType: 'ASLL', briques: ['remobilisation', '2.5'], meetingFrequency: 'fortnightly', occupancyStatus: 'direct-lease', objectives: [{ id: 'routine' }] },
      '2026-03-30',
    );
    await run('sign-contract', { party: 'household' }, '2026-04-01');
    const signed = await run('sign-contract', { party: 'referent' }, '2026-04-02');
    expect(signed.snapshot.stage).toBe('briques');

    const started = await run('start-brique', { code: 'remobilisation', details: { sessionsPlanned: 6, format: 'collective' } }, '2026-04-07');
    expect(started.events[0]).toMatchObject({ type: 'BriqueStarted', data: { code: 'remobilisation', group: 'association', cadence: 'monthly', details: { sessionsPlanned: 6 } } });
    expect(trajectoryDeadlines(trajectoryFactsOf(await store.readStream(id))!)).toContainEqual({
      kind: 'point',
      dueOn: '2026-05-07',
      ownerId: 'referent-1',
      briqueCode: 'remobilisation',
      code: null,
    });

    await run('record-point', { briqueCode: 'remobilisation', mode: 'collective-session', personal: { summary: 'Atelier budget, 7 participants' } }, '2026-04-21');
    await run('record-point', { briqueCode: 'remobilisation', mode: 'collective-session', personal: { summary: 'Atelier estime de soi' } }, '2026-05-05');
    const completed = await run('complete-brique', { briqueCode: 'remobilisation', result: 'achieved' }, '2026-06-30');

    expect(completed.snapshot.context.completedBriques).toEqual([{ code: 'remobilisation', startedOn: '2026-04-07', completedOn: '2026-06-30', result: 'achieved', points: 2 }]);
    expect((await store.readStream(id)).map((e) => e.type)).toEqual([
      'SaisineReceived',
      'ReferentAssigned',
      'FirstContactRecorded',
      'EvaluationGridRecorded',
      'DiagnosticConcluded',
      'ContractDrafted',
      'ContractSigned',
      'ContractSigned',
      'MeasureStarted',
      'BriqueStarted',
      'PointRecorded',
      'PointRecorded',
      'BriqueCompleted',
    ]);
  });

  it("validates the brique's start data with its own schema", async () => {
    const { runner } = installation();
    const id = 'trajectory-remob-2';
    const run = (type: string, payload: unknown, occurredAt: string) => runner.run(id, { type, payload }, { actor: referent, occurredAt });
    await run('receive-saisine', {
      programmeCode: 'asll-remobilisation',
      prescriber: { kind: 'ccas', name: 'CCAS' },
      motives: ['other'],
      household: { composition: 'couple', childrenCount: 0, ageBand: '55-64', referenceGender: 'female', mainResources: 'pension' },
      conventionId: 'conv-remob-2026',
    }, '2026-03-02');
    await run('assign-referent', { referentId: 'referent-1' }, '2026-03-02');
    await run('record-first-contact', { mode: 'phone' }, '2026-03-03');
    await run('record-evaluation-grid', { ratings: grid }, '2026-03-04');
    await run('conclude-diagnostic', { outcome: 'propose-accompaniment', householdSigned: true }, '2026-03-05');
    await run('draft-contract', { measureType: 'ASLL', briques: ['remobilisation'], meetingFrequency: 'monthly', occupancyStatus: 'direct-lease' }, '2026-03-06');
    await run('sign-contract', { party: 'household' }, '2026-03-07');
    await run('sign-contract', { party: 'referent' }, '2026-03-07');
    await expect(run('start-brique', { code: 'remobilisation', details: { sessionsPlanned: 0 } }, '2026-03-08')).rejects.toMatchObject({
      code: 'invalid-brique-data',
      kind: 'validation',
      details: { fields: [{ field: 'details.sessionsPlanned', reason: 'must be at least 1' }, { field: 'details.format', reason: 'is required' }] },
    });
  });

  it('without the plugin registered, the programme does not load', () => {
    expect(() => loadProgrammeRegistry(PROGRAMMES, { isKnownBrique: (code) => createBriqueRegistry().has(code) })).toThrow(
      'programmes/asll-remobilisation.json: allowedBriques.4 is not a registered brique (remobilisation)',
    );
  });
});
