import { FixedClock, NotFoundError } from '../../../libs/domain/src';
import { CommandRunner } from './command-runner';
import { CommandRefused, ConcurrencyConflict, PreconditionFailed } from './refusal';
import { InMemorySnapshotCache } from './snapshot-cache.port';
import { InMemoryWorkflowStore, SequentialIds } from './testing/in-memory-workflow-store';
import { ticketWorkflow, type TicketContext } from './testing/ticket.workflow';
import { WorkflowRegistry } from './workflow-registry';

const actor = { id: 'u1', role: 'referent' as const };
const meta = { actor, occurredAt: '2026-05-02' };

function setup(options: { maxAttempts?: number; cache?: boolean } = {}) {
  const store = new InMemoryWorkflowStore();
  const snapshots = options.cache ? new InMemorySnapshotCache() : undefined;
  const runner = new CommandRunner<TicketContext>({
    store,
    registry: new WorkflowRegistry('ticket', [ticketWorkflow()]),
    clock: new FixedClock('2026-05-10T08:00:00Z'),
    ids: new SequentialIds(),
    maxAttempts: options.maxAttempts,
    snapshots,
  });
  return { store, runner, snapshots };
}

/** Another writer's event, appended behind the runner's back. */
function sneakIn(store: InMemoryWorkflowStore, n: number) {
  return async (streamId: string) => {
    const events = await store.readStream(streamId);
    await store.append(streamId, [{ id: `other-${events.length + 1}`, type: 'PointsAdded', data: { n }, metadata: { occurredAt: '2026-05-02', workflowVersion: 1 } }], {
      expectedVersion: events.length,
    });
  };
}

describe('CommandRunner', () => {
  it('opens a stream with a creation command and appends with the version loaded', async () => {
    const { runner, store } = setup();
    const opened = await runner.run('ticket-1', { type: 'open' }, meta);
    expect(opened).toMatchObject({ version: 1, snapshot: { stage: 'open', version: 1 }, allowedCommands: ['add', 'freeze', 'close'] });
    const added = await runner.run('ticket-1', { type: 'add', payload: { n: 2 } }, meta);
    expect(added.version).toBe(2);
    expect(added.events.map((e) => [e.version, e.type])).toEqual([[2, 'PointsAdded']]);
    expect(await store.readStream('ticket-1')).toHaveLength(2);
  });

  it('answers not-found for any other command on a missing stream', async () => {
    const { runner } = setup();
    await expect(runner.run('ticket-9', { type: 'add', payload: { n: 1 } }, meta)).rejects.toThrow(NotFoundError);
    await expect(runner.load('ticket-9')).rejects.toMatchObject({ code: 'ticket-not-found', kind: 'not-found' });
  });

  it('throws the refusal and writes nothing', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    const error = await runner.run('ticket-1', { type: 'add', payload: { n: 50 } }, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandRefused);
    expect(error).toMatchObject({ code: 'limit-exceeded', kind: 'conflict', refusal: { stage: 'open', allowedCommands: ['add', 'freeze', 'close'] } });
    expect(store.totalRecorded).toBe(1);
  });

  it('on a conflict reloads, decides again on the new state and appends', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    store.beforeAppend = sneakIn(store, 4);
    const result = await runner.run('ticket-1', { type: 'add', payload: { n: 3 } }, meta);
    expect(result.version).toBe(3);
    expect(result.snapshot.context.total).toBe(7);
  });

  it('reports the refusal when the command is no longer valid after the reload', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    store.beforeAppend = sneakIn(store, 9);
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 3 } }, meta)).rejects.toMatchObject({ code: 'limit-exceeded' });
  });

  it('gives up after the retry budget', async () => {
    const { runner, store } = setup({ maxAttempts: 3 });
    await runner.run('ticket-1', { type: 'open' }, meta);
    const original = store.append.bind(store);
    let calls = 0;
    store.append = async (streamId, events, options) => {
      calls++;
      const current = await store.readStream(streamId);
      await original(streamId, [{ id: `other-${calls}`, type: 'PointsAdded', data: { n: 1 }, metadata: { occurredAt: '2026-05-02' } }], { expectedVersion: current.length });
      return original(streamId, events, options);
    };
    await expect(runner.run('ticket-1', { type: 'freeze' }, meta)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(calls).toBe(3);
  });

  it('with an explicit expected version (If-Match) never retries: stale is a precondition failure', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    await runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta);
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 1 })).rejects.toMatchObject({
      code: 'precondition-failed',
      kind: 'precondition',
      details: { expectedVersion: 1, actualVersion: 2 },
    });
    store.beforeAppend = sneakIn(store, 1);
    const error = await runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailed);
    expect(error).toMatchObject({ details: { actualVersion: 3 } });
    expect(await store.readStream('ticket-1')).toHaveLength(3);
  });

  it('accepts a matching If-Match', async () => {
    const { runner } = setup();
    await runner.run('ticket-1', { type: 'open' }, { ...meta, expectedVersion: 0 });
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 1 })).resolves.toMatchObject({ version: 2 });
  });

  it('uses a snapshot cache but never trusts it over the stream', async () => {
    const { runner, store, snapshots } = setup({ cache: true });
    await runner.run('ticket-1', { type: 'open' }, meta);
    await runner.run('ticket-1', { type: 'add', payload: { n: 2 } }, meta);
    expect((await snapshots!.get('ticket-1'))?.version).toBe(2);
    // Another process appends: the cached snapshot is behind and is caught up from the stream.
    await sneakIn(store, 5)('ticket-1');
    expect((await runner.load('ticket-1')).snapshot.context.total).toBe(7);
    // A corrupt cache entry (ahead of the stream) costs a conflict, then a full replay.
    await snapshots!.put('ticket-1', { ...(await snapshots!.get('ticket-1'))!, version: 9, context: { total: 0, frozen: false } });
    const result = await runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta);
    expect(result).toMatchObject({ version: 4, snapshot: { context: { total: 8 } } });
  });

  it('returns the history, and not-found for a missing stream', async () => {
    const { runner } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    expect((await runner.history('ticket-1')).map((e) => e.type)).toEqual(['TicketOpened']);
    await expect(runner.history('nope')).rejects.toMatchObject({ code: 'ticket-not-found' });
  });
});

describe('WorkflowRegistry', () => {
  it('keeps versions side by side and never replaces one', () => {
    const registry = new WorkflowRegistry('ticket', [ticketWorkflow(1), ticketWorkflow(2, 20)]);
    expect(registry.list()).toEqual([1, 2]);
    expect(registry.latest().version).toBe(2);
    expect(() => registry.register(ticketWorkflow(2))).toThrow(/already registered/);
  });

  it("replays a stream on the version its first event recorded", async () => {
    const store = new InMemoryWorkflowStore();
    const deps = { store, clock: new FixedClock('2026-05-10T08:00:00Z'), ids: new SequentialIds() };
    const v1 = new CommandRunner<TicketContext>({ ...deps, registry: new WorkflowRegistry('ticket', [ticketWorkflow(1, 10)]) });
    await v1.run('old', { type: 'open' }, meta);
    const both = new CommandRunner<TicketContext>({ ...deps, registry: new WorkflowRegistry('ticket', [ticketWorkflow(1, 10), ticketWorkflow(2, 20)]) });
    await both.run('new', { type: 'open' }, meta);
    await expect(both.run('old', { type: 'add', payload: { n: 15 } }, meta)).rejects.toMatchObject({ code: 'limit-exceeded' });
    await expect(both.run('new', { type: 'add', payload: { n: 15 } }, meta)).resolves.toMatchObject({ snapshot: { workflowVersion: 2 } });
  });
});
