import { FixedClock } from '../../../libs/domain/src';
import { CommandRunner, fold, type RecordedEvent } from '../../engine/src';
import { InMemoryWorkflowStore, SequentialIds } from '../../engine/src/testing/in-memory-workflow-store';
import type { TrajectoryContext } from './trajectory-context';
import { createTrajectoryRegistry, createTrajectoryRunner, createTrajectoryWorkflowV1 } from './trajectory.workflow';
import {
  concludeDiagnostic,
  draftContract,
  firstContact,
  gridRecorded,
  receiveSaisine,
  recordEvaluationGrid,
  recordFirstContact,
  recordPoint,
  assignReferent,
  saisineReceived,
  scenario,
  signContract,
  startBrique,
  testDeps,
  type WhenCommand,
} from './testing';

const actor = { id: 'referent-1', role: 'referent' as const };

function runnerWith(versions: number[], store = new InMemoryWorkflowStore()) {
  const runner = createTrajectoryRunner({ ...testDeps(), store, clock: new FixedClock('2026-06-01T10:00:00Z'), ids: new SequentialIds(), versions });
  const run = (id: string, c: WhenCommand, occurredAt: string, extra: { workflowVersion?: number } = {}) =>
    runner.run(id, { type: c.type, payload: c.payload }, { actor, occurredAt, ...extra });
  return { runner, run, store };
}

async function toDiagnosticWithGrid(run: ReturnType<typeof runnerWith>['run'], id: string, workflowVersion?: number) {
  await run(id, receiveSaisine(), '2026-01-02', { workflowVersion });
  await run(id, assignReferent({ referentId: 'referent-1' }), '2026-01-03');
  await run(id, recordFirstContact(), '2026-01-05');
  await run(id, recordEvaluationGrid(), '2026-01-10');
}

describe('trajectory versions', () => {
  it('records the version it started with in the first event, data and metadata', async () => {
    const { run, store } = runnerWith([1]);
    await run('trajectory-a', receiveSaisine(), '2026-01-02');
    const [first] = await store.readStream('trajectory-a');
    expect(first.metadata.workflowVersion).toBe(1);
    expect(first.data).toMatchObject({ workflowVersion: 1 });
  });

  it('v2 concludes a diagnostic without the signature, while a v1 trajectory still obeys v1', async () => {
    const store = new InMemoryWorkflowStore();
    const before = runnerWith([1], store);
    await toDiagnosticWithGrid(before.run, 'trajectory-v1');

    // v2 is registered beside v1: new trajectories start on it, the old one keeps v1.
    const after = runnerWith([1, 2], store);
    await toDiagnosticWithGrid(after.run, 'trajectory-v2');
    const unsigned = concludeDiagnostic({ householdSigned: false });

    await expect(after.run('trajectory-v1', unsigned, '2026-01-20')).rejects.toMatchObject({ code: 'household-signature-required', refusal: { stage: 'diagnostic' } });
    await expect(after.run('trajectory-v2', unsigned, '2026-01-20')).resolves.toMatchObject({ snapshot: { stage: 'contract', workflowVersion: 2 } });
    expect((await after.runner.load('trajectory-v1')).snapshot.workflowVersion).toBe(1);
  });

  it('an explicit version can be chosen for a new trajectory', async () => {
    const { run } = runnerWith([1, 2]);
    await expect(run('trajectory-b', receiveSaisine(), '2026-01-02', { workflowVersion: 1 })).resolves.toMatchObject({ snapshot: { workflowVersion: 1 } });
  });

  it('the same rule differs in specs by version', () => {
    const steps = [saisineReceived(), firstContact('2026-01-05'), gridRecorded()];
    scenario({ version: 1 })(...steps).when(concludeDiagnostic({ householdSigned: false })).thenRefused({ code: 'household-signature-required' });
    scenario({ version: 2 })(saisineReceived({ workflowVersion: 2 }), firstContact('2026-01-05'), gridRecorded())
      .when(concludeDiagnostic({ householdSigned: false }))
      .thenStage('contract');
  });

  it('default registry opens trajectories on v1', () => {
    expect(createTrajectoryRegistry(testDeps()).latest().version).toBe(1);
  });
});

describe('upcasting trajectory events', () => {
  it('moves the text of a pre-split NoteRecorded (schema 0) into data.personal', () => {
    const definition = createTrajectoryWorkflowV1(testDeps());
    const opened = scenario()(saisineReceived()).resolved;
    const base: RecordedEvent = {
      id: 'n1',
      streamId: 's',
      version: 1,
      type: 'SaisineReceived',
      schemaVersion: 1,
      data: opened.events[0].data,
      metadata: { occurredAt: '2026-01-02', recordedAt: 'x', workflowVersion: 1 },
    };
    const oldNote: RecordedEvent = { ...base, id: 'n2', version: 2, type: 'NoteRecorded', schemaVersion: 0, data: { text: 'Appel du bailleur' } };
    const snapshot = fold(definition, [base, oldNote]);
    expect(snapshot.context.notesCount).toBe(1);
    expect(definition.upcasters?.upcast(oldNote)).toMatchObject({ schemaVersion: 1, data: { category: 'note', personal: { text: 'Appel du bailleur' } } });
  });
});

describe('PointRecorded schema 2 (parties present)', () => {
  it('writes new points at schema 2 and every other event at 1', async () => {
    const { run, store } = runnerWith([1]);
    await toDiagnosticWithGrid(run, 'trajectory-p');
    await run('trajectory-p', concludeDiagnostic(), '2026-01-20');
    await run('trajectory-p', draftContract(), '2026-01-25');
    await run('trajectory-p', signContract({ party: 'household' }), '2026-02-01');
    await run('trajectory-p', signContract({ party: 'referent' }), '2026-02-01');
    await run('trajectory-p', startBrique({ code: '2.1' }), '2026-02-02');
    await run('trajectory-p', recordPoint({ briqueCode: '2.1', mode: 'tripartite-meeting', parties: ['household', 'referent', 'landlord'] }), '2026-03-02');
    const events = await store.readStream('trajectory-p');
    expect(events.filter((e) => e.schemaVersion !== 1).map((e) => [e.type, e.schemaVersion])).toEqual([['PointRecorded', 2]]);
    expect(events[events.length - 1].data).toMatchObject({ parties: ['household', 'referent', 'landlord'] });
  });

  it('reads a schema 1 point (no parties) unchanged, and folds it', () => {
    const definition = createTrajectoryWorkflowV1(testDeps());
    const old = { type: 'PointRecorded', schemaVersion: 1, data: { briqueCode: '2.1', mode: 'home-visit' } };
    expect(definition.upcasters?.upcast(old)).toEqual({ type: 'PointRecorded', schemaVersion: 2, data: { briqueCode: '2.1', mode: 'home-visit' } });
    expect(definition.upcasters?.currentSchemaVersion('NoteRecorded')).toBe(1);
  });
});

describe('the runner with the trajectory', () => {
  it('runs a command and returns events, version, snapshot and allowed commands', async () => {
    const store = new InMemoryWorkflowStore();
    const runner: CommandRunner<TrajectoryContext> = createTrajectoryRunner({ ...testDeps(), store, clock: new FixedClock('2026-06-01T10:00:00Z'), ids: new SequentialIds() });
    const result = await runner.run('trajectory-c', { type: 'receive-saisine', payload: receiveSaisine().payload }, { actor, occurredAt: '2026-01-02' });
    expect(result.version).toBe(1);
    expect(result.snapshot.stage).toBe('saisine');
    expect(result.allowedCommands).toEqual(['assign-referent', 'reorient', 'decline', 'withdraw', 'record-note']);
    expect(result.events[0]).toMatchObject({ type: 'SaisineReceived', version: 1, metadata: { actor, occurredAt: '2026-01-02', workflowVersion: 1 } });
  });

  it('puts the household on every event of the trajectory, from the saisine on, so its personal data is sealed for it', async () => {
    const { run, store } = runnerWith([1]);
    // A household id is a UUID, as the command's schema says.
    const KNOWN_HOUSEHOLD = '3f0e8b1a-7c2d-4e5f-9a6b-1c2d3e4f5a6b';
    await toDiagnosticWithGrid(run, 'trajectory-h');
    await run('trajectory-k', { ...receiveSaisine(), payload: { ...(receiveSaisine().payload as object), householdId: KNOWN_HOUSEHOLD } }, '2026-01-02');
    const events = await store.readStream('trajectory-h');
    const generated = (events[0].data as { householdId: string }).householdId;
    expect(generated).toBeTruthy();
    expect(events.map((e) => e.metadata.householdId)).toEqual(events.map(() => generated));
    const [linked] = await store.readStream('trajectory-k');
    expect(linked.metadata.householdId).toBe(KNOWN_HOUSEHOLD);
    expect(linked.data).toMatchObject({ householdId: KNOWN_HOUSEHOLD });
  });
});
