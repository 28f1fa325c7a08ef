import { FixedClock } from '../../../libs/domain/src';
import { CommandRunner } from './command-runner';
import { backoffDelayMs, type ConflictBackoff, worstCaseWaitMs } from './conflict-backoff';
import { ConcurrencyConflict } from './refusal';
import { InMemoryWorkflowStore, SequentialIds } from './testing/in-memory-workflow-store';
import { ticketWorkflow, type TicketContext } from './testing/ticket.workflow';
import { WorkflowRegistry } from './workflow-registry';

const meta = { actor: { id: 'u1', role: 'referent' as const }, occurredAt: '2026-05-02' };

/** A back-off whose jitter and sleep are the test's: the waits are recorded, nothing waits. */
function scripted(random: number[]): ConflictBackoff & { waits: number[] } {
  const draws = [...random];
  const waits: number[] = [];
  return { baseDelayMs: 10, maxDelayMs: 50, random: () => draws.shift() ?? 0.5, sleep: async (ms) => void waits.push(ms), waits };
}

/** Every append loses the race `losses` times to another writer, then goes through. */
function contended(store: InMemoryWorkflowStore, losses: number): void {
  const original = store.append.bind(store);
  let lost = 0;
  store.append = async (streamId, events, options) => {
    if (lost < losses && options?.expectedVersion !== 'no-stream') {
      lost++;
      const current = await store.readStream(streamId);
      await original(streamId, [{ id: `other-${lost}`, type: 'PointsAdded', data: { n: 0 }, metadata: { occurredAt: '2026-05-02' } }], { expectedVersion: current.length });
    }
    return original(streamId, events, options);
  };
}

function runner(store: InMemoryWorkflowStore, backoff: ConflictBackoff, maxAttempts = 5) {
  return new CommandRunner<TicketContext>({
    store,
    registry: new WorkflowRegistry('ticket', [ticketWorkflow()]),
    clock: new FixedClock('2026-05-10T08:00:00Z'),
    ids: new SequentialIds(),
    maxAttempts,
    backoff,
  });
}

describe('conflict back-off', () => {
  it('draws each wait from a range that doubles, up to the cap ("full jitter")', () => {
    const policy = { baseDelayMs: 10, maxDelayMs: 50 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs({ ...policy, random: () => 0.999 }, n))).toEqual([9, 19, 39, 49, 49]);
    expect(backoffDelayMs({ ...policy, random: () => 0 }, 3)).toBe(0);
    expect(worstCaseWaitMs(policy, 5)).toBe(10 + 20 + 40 + 50);
  });

  it('waits between attempts with the injected jitter and sleep, and not after the last one', async () => {
    const store = new InMemoryWorkflowStore();
    const backoff = scripted([0.5, 0.5, 0.5, 0.5]);
    const r = runner(store, backoff, 4);
    await r.run('ticket-1', { type: 'open' }, meta);
    contended(store, 10);
    await expect(r.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta)).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(backoff.waits).toEqual([5, 10, 20]);
  });

  it('gets through once the other writers pause, having waited only for the attempts it lost', async () => {
    const store = new InMemoryWorkflowStore();
    const backoff = scripted([0.1, 0.9]);
    const r = runner(store, backoff);
    await r.run('ticket-1', { type: 'open' }, meta);
    contended(store, 2);
    const result = await r.run('ticket-1', { type: 'add', payload: { n: 1 } }, meta);
    expect(result.version).toBe(4);
    expect(backoff.waits).toEqual([1, 18]);
  });

  it('never waits (nor retries) when the caller gave the version it decided on', async () => {
    const store = new InMemoryWorkflowStore();
    const backoff = scripted([]);
    const r = runner(store, backoff);
    await r.run('ticket-1', { type: 'open' }, meta);
    contended(store, 1);
    await expect(r.run('ticket-1', { type: 'add', payload: { n: 1 } }, { ...meta, expectedVersion: 1 })).rejects.toMatchObject({ code: 'precondition-failed' });
    expect(backoff.waits).toEqual([]);
  });
});
