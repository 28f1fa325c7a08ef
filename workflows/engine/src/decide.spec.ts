import { FixedClock } from '../../../libs/domain/src';
import { allowedCommandsOf, commandOffersOf } from './allowed-commands';
import { commonRefusals } from './common-refusals';
import { decide, type Command } from './decide';
import { fold } from './fold';
import { initialSnapshot } from './machine-state';
import { SequentialIds } from './testing/in-memory-workflow-store';
import { ticketWorkflow, type TicketContext } from './testing/ticket.workflow';
import type { WorkflowSnapshot } from './workflow-snapshot';

const definition = ticketWorkflow();
const deps = () => ({ clock: new FixedClock('2026-05-10T08:00:00Z'), ids: new SequentialIds() });
const actor = { id: 'u1', role: 'referent' as const };

function run(snapshot: WorkflowSnapshot<TicketContext>, command: Command, occurredAt = '2026-05-01') {
  return decide(definition, snapshot, command, { actor, occurredAt, correlationId: 'corr-1' }, deps());
}

function opened(): WorkflowSnapshot<TicketContext> {
  const d = run(initialSnapshot(definition), { type: 'open' });
  if (!d.accepted) throw new Error('open refused');
  return d.snapshot;
}

describe('decide', () => {
  it('turns an accepted command into events with ids and metadata from outside', () => {
    const d = run(opened(), { type: 'add', payload: { n: 3 } }, '2026-05-02');
    expect(d).toMatchObject({
      accepted: true,
      events: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'PointsAdded',
          schemaVersion: 1,
          data: { n: 3 },
          metadata: { actor, occurredAt: '2026-05-02', workflowVersion: 1, correlationId: 'corr-1' },
        },
      ],
      snapshot: { version: 2, stage: 'open', context: { total: 3 } },
      allowedCommands: ['add', 'freeze', 'close'],
    });
  });

  it("adds the definition's per-instance metadata, read from the context after each event", () => {
    const tagged = { ...definition, eventMetadata: (c: TicketContext) => ({ total: String(c.total) }) };
    const d = decide(tagged, opened(), { type: 'add', payload: { n: 3 } }, { actor, occurredAt: '2026-05-02' }, deps());
    expect(d).toMatchObject({ accepted: true, events: [{ metadata: { actor, occurredAt: '2026-05-02', workflowVersion: 1, total: '3' } }] });
  });

  it("answers a refusal with the failing rule's code and reason, the stage and the allowed commands", () => {
    const d = run(opened(), { type: 'add', payload: { n: 11 } });
    expect(d).toEqual({
      accepted: false,
      refusal: { code: 'limit-exceeded', kind: 'rule', stage: 'open', reason: 'Adding 11 would pass the limit of 10 (now 0).', allowedCommands: ['add', 'freeze', 'close'] },
    });
  });

  it('hides commands whose state-only rules fail', () => {
    const frozen = run(opened(), { type: 'freeze' });
    if (!frozen.accepted) throw new Error('refused');
    expect(allowedCommandsOf(definition, frozen.snapshot, '2026-05-01')).toEqual(['freeze', 'close']);
    expect(run(frozen.snapshot, { type: 'add', payload: { n: 1 } })).toMatchObject({ refusal: { code: 'ticket-frozen' } });
  });

  it('offers nothing on a date before the ticket opened, and names the payload rules of what it offers', () => {
    expect(allowedCommandsOf(definition, opened(), '2026-04-30')).toEqual([]);
    expect(commandOffersOf(definition, opened(), '2026-05-01')).toEqual([
      { command: 'add', requires: [{ code: 'limit-exceeded', reason: 'The total stays within 10.' }] },
      { command: 'freeze', requires: [] },
      { command: 'close', requires: [] },
    ]);
  });

  it('lists in a refusal what was possible on the refused command\'s date', () => {
    expect(run(opened(), { type: 'open' }, '2026-04-30')).toMatchObject({ refusal: { code: 'occurred-before-opening', allowedCommands: ['add', 'freeze', 'close'] } });
    expect(run(opened(), { type: 'open' }, '2026-05-03')).toMatchObject({ refusal: { code: 'command-not-allowed', allowedCommands: ['add', 'freeze', 'close'] } });
  });

  it('answers every common refusal the docs list', () => {
    const closed = run(opened(), { type: 'close' });
    if (!closed.accepted) throw new Error('refused');
    const answered = [
      run(opened(), { type: 'fly' }),
      run(closed.snapshot, { type: 'add', payload: { n: 1 } }),
      run(opened(), { type: 'freeze' }, 'yesterday'),
      run(opened(), { type: 'freeze' }, '1989-12-31'),
      run(opened(), { type: 'freeze' }, '2026-05-11'),
      run(opened(), { type: 'freeze' }, '2026-04-30'),
      run(opened(), { type: 'open' }),
    ].map((d) => (d.accepted ? 'accepted' : d.refusal.code));
    expect(answered).toEqual(commonRefusals('ticket').map((r) => r.code));
  });

  it('says when the state has no transition at all', () => {
    expect(run(opened(), { type: 'open' })).toMatchObject({ refusal: { code: 'command-not-allowed', stage: 'open', kind: 'rule' } });
  });

  it('refuses everything once the machine is done', () => {
    const closed = run(opened(), { type: 'close' });
    if (!closed.accepted) throw new Error('refused');
    expect(closed.snapshot.status).toBe('done');
    expect(closed.allowedCommands).toEqual([]);
    expect(run(closed.snapshot, { type: 'add', payload: { n: 1 } })).toMatchObject({ refusal: { code: 'ticket-closed', allowedCommands: [] } });
  });

  it('refuses input problems as invalid, with fields', () => {
    expect(run(opened(), { type: 'add', payload: { n: 0 } })).toMatchObject({ refusal: { code: 'invalid-payload', kind: 'invalid', fields: [{ field: 'n' }] } });
    expect(run(opened(), { type: 'nope' })).toMatchObject({ refusal: { code: 'unknown-command', kind: 'invalid' } });
    expect(run(opened(), { type: 'add', payload: { n: 1 } }, 'yesterday')).toMatchObject({ refusal: { code: 'invalid-occurred-at' } });
  });

  it('compares dates with the Paris calendar date of the injected clock', () => {
    // 2026-05-10T08:00Z is 10:00 in Paris: the 10th is today, the 11th is the future.
    expect(run(opened(), { type: 'add', payload: { n: 1 } }, '2026-05-10')).toMatchObject({ accepted: true });
    expect(run(opened(), { type: 'add', payload: { n: 1 } }, '2026-05-11')).toMatchObject({ refusal: { code: 'occurred-in-future' } });
    expect(run(opened(), { type: 'add', payload: { n: 1 } }, '2026-04-30')).toMatchObject({ refusal: { code: 'occurred-before-opening' } });
  });

  it('replaying the decided events gives the live snapshot', () => {
    let snapshot = initialSnapshot(definition);
    const stored = [];
    for (const [command, payload] of [
      ['open', {}],
      ['add', { n: 2 }],
      ['add', { n: 5 }],
      ['freeze', {}],
    ] as const) {
      const d = run(snapshot, { type: command, payload });
      if (!d.accepted) throw new Error(d.refusal.code);
      stored.push(...d.events.map((e, i) => ({ ...e, streamId: 's', version: snapshot.version + i + 1, schemaVersion: 1, metadata: { ...e.metadata, recordedAt: 'x' } })));
      snapshot = d.snapshot;
    }
    expect(fold(definition, stored)).toEqual(snapshot);
  });
});
