import { FixedClock } from '../../../libs/domain/src';
import { CommandRunner, type CommandRunnerDeps } from './command-runner';
import { InMemorySnapshotCache } from './snapshot-cache.port';
import { InMemoryWorkflowStore, SequentialIds } from './testing/in-memory-workflow-store';
import { ticketWorkflow, type TicketContext } from './testing/ticket.workflow';
import type { WorkflowDefinition } from './workflow-definition';
import { WorkflowRegistry } from './workflow-registry';

const meta = { actor: { id: 'u1', role: 'referent' as const }, occurredAt: '2026-05-02' };

/** The store's calls, counted: what a command costs in round trips. */
class CountingStore extends InMemoryWorkflowStore {
  reads = 0;
  appends = 0;
  override readStream(...args: Parameters<InMemoryWorkflowStore['readStream']>) {
    this.reads++;
    return super.readStream(...args);
  }
  override append(...args: Parameters<InMemoryWorkflowStore['append']>) {
    this.appends++;
    return super.append(...args);
  }
  reset(): void {
    this.reads = 0;
    this.appends = 0;
  }
}

/** The ticket workflow with its machine and command list instrumented. */
function instrumented() {
  const definition = ticketWorkflow();
  const counts = { resolveState: 0, allowedComputations: 0 };
  const machine = definition.machine;
  const resolveState = machine.resolveState.bind(machine);
  machine.resolveState = ((config: Parameters<typeof resolveState>[0]) => {
    counts.resolveState++;
    return resolveState(config);
  }) as typeof machine.resolveState;
  // Listing the commands (Object.entries) is what computing the allowed commands starts with; running one only looks it up.
  const commands = new Proxy(definition.commands, {
    ownKeys: (target) => {
      counts.allowedComputations++;
      return Reflect.ownKeys(target);
    },
  });
  return { definition: { ...definition, commands } as WorkflowDefinition<TicketContext>, counts };
}

function setup(authorize?: CommandRunnerDeps<TicketContext>['authorize']) {
  const store = new CountingStore();
  const { definition, counts } = instrumented();
  const snapshots = new InMemorySnapshotCache();
  const runner = new CommandRunner<TicketContext>({
    store,
    registry: new WorkflowRegistry('ticket', [definition]),
    clock: new FixedClock('2026-05-10T08:00:00Z'),
    ids: new SequentialIds(),
    snapshots,
    authorize,
  });
  return { store, runner, snapshots, counts };
}

/** Another process's event, appended behind the runner (and its cache). */
async function sneakIn(store: InMemoryWorkflowStore, streamId: string, type: string, data: unknown = {}): Promise<void> {
  const events = await store.readStream(streamId);
  await store.append(streamId, [{ id: `other-${events.length + 1}`, type, data, metadata: { occurredAt: '2026-05-02', workflowVersion: 1 } }], {
    expectedVersion: events.length,
  });
}

describe('CommandRunner on a trusted snapshot cache', () => {
  it('opens a stream without reading it first', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 0, appends: 1 });
  });

  it('runs a command on a cached stream with one append and no read, resolving the state once', async () => {
    const { runner, store, counts } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    store.reset();
    counts.resolveState = 0;
    counts.allowedComputations = 0;
    const result = await runner.run('ticket-1', { type: 'add', payload: { n: 2 } }, meta);
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 0, appends: 1 });
    expect(counts.resolveState).toBe(1);
    // Not computed until the answer is read, then once however often it is read.
    expect(counts.allowedComputations).toBe(0);
    expect(result.allowedCommands).toEqual(['add', 'freeze', 'close']);
    expect(result.allowedCommands).toEqual(['add', 'freeze', 'close']);
    expect(counts.allowedComputations).toBe(1);
  });

  it('catches a stale cache by the append version check, replays and decides on the stream as stored', async () => {
    const { runner, store, snapshots } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    await sneakIn(store, 'ticket-1', 'PointsAdded', { n: 4 });
    store.reset();
    const result = await runner.run('ticket-1', { type: 'add', payload: { n: 3 } }, meta);
    expect(result).toMatchObject({ version: 3, snapshot: { context: { total: 7 } } });
    // The refused append, one replay, the append that succeeded.
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 1, appends: 2 });
    expect((await snapshots.get('ticket-1'))?.version).toBe(3);
  });

  it('answers a refusal only after checking the stream: a wrong cache must not refuse what the store allows', async () => {
    const { runner, store, snapshots } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    // A cache entry that disagrees with the stream at the same version (the ticket looks full).
    const cached = (await snapshots.get('ticket-1'))!;
    await snapshots.put('ticket-1', { ...cached, context: { ...(cached.context as TicketContext), total: 10 } });
    store.reset();
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 5 } }, meta)).resolves.toMatchObject({ version: 2, snapshot: { context: { total: 5 } } });
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 1, appends: 1 });
    // A refusal the stream confirms costs that one read, and writes nothing.
    store.reset();
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 6 } }, meta)).rejects.toMatchObject({ code: 'limit-exceeded' });
    expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 1, appends: 0 });
  });

  it('a stale cache that accepts what the stream now refuses ends in the refusal', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    await sneakIn(store, 'ticket-1', 'TicketClosed');
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta)).rejects.toMatchObject({ code: 'ticket-closed' });
    expect(await store.readStream('ticket-1')).toHaveLength(2);
  });

  it('checks an If-Match other than the cached version against the store', async () => {
    const { runner, store } = setup();
    await runner.run('ticket-1', { type: 'open' }, meta);
    await sneakIn(store, 'ticket-1', 'PointsAdded', { n: 1 });
    // The client saw version 2 (from the other writer); the cache still says 1.
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 2 })).resolves.toMatchObject({ version: 3 });
    await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 2 })).rejects.toMatchObject({
      code: 'precondition-failed',
      details: { actualVersion: 3 },
    });
  });

  it('a creation command on a stream that exists elsewhere is refused as the stored stream says', async () => {
    const { runner, store } = setup();
    const other = new CommandRunner<TicketContext>({
      store,
      registry: new WorkflowRegistry('ticket', [ticketWorkflow()]),
      clock: new FixedClock('2026-05-10T08:00:00Z'),
      ids: new SequentialIds('00000000-0000-4000-9000-'),
    });
    await other.run('ticket-1', { type: 'open' }, meta);
    await expect(runner.run('ticket-1', { type: 'open' }, meta)).rejects.toMatchObject({ code: 'command-not-allowed' });
    expect(await store.readStream('ticket-1')).toHaveLength(1);
  });

  it('shares the cached snapshot without copying it, and nothing can change it', async () => {
    const { runner, snapshots } = setup();
    const opened = await runner.run('ticket-1', { type: 'open' }, meta);
    const cached = await snapshots.get('ticket-1');
    expect(cached).toBe(opened.snapshot);
    expect(Object.isFrozen(cached?.context)).toBe(true);
    const added = await runner.run('ticket-1', { type: 'add', payload: { n: 2 } }, meta);
    expect(added.snapshot.context.total).toBe(2);
    expect(opened.snapshot.context.total).toBe(0);
  });

  describe('authorize, checked on the state decided on', () => {
    class NotYours extends Error {}
    // Stands for "assigned to someone else": from 5 points on, u1 may no longer add.
    const authorize: CommandRunnerDeps<TicketContext>['authorize'] = (command, snapshot, meta) => {
      if (command.type === 'add' && meta.actor.id === 'u1' && snapshot.context.total >= 5) throw new NotYours('not yours');
    };

    it('a change another writer made is seen even though the cache allowed the command', async () => {
      const { runner, store } = setup(authorize);
      await runner.run('ticket-1', { type: 'open' }, meta);
      await sneakIn(store, 'ticket-1', 'PointsAdded', { n: 5 });
      await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta)).rejects.toBeInstanceOf(NotYours);
      expect(await store.readStream('ticket-1')).toHaveLength(2);
    });

    it('a refusal from a wrong cache is checked against the stream first', async () => {
      const { runner, store, snapshots } = setup(authorize);
      await runner.run('ticket-1', { type: 'open' }, meta);
      const cached = (await snapshots.get('ticket-1'))!;
      await snapshots.put('ticket-1', { ...cached, context: { ...(cached.context as TicketContext), total: 5 } });
      store.reset();
      await expect(runner.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta)).resolves.toMatchObject({ version: 2 });
      expect({ reads: store.reads, appends: store.appends }).toEqual({ reads: 1, appends: 1 });
    });
  });
});
