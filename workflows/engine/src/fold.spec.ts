import type { RecordedEvent } from './event-envelope';
import { fold } from './fold';
import { ReplayFailed } from './refusal';
import { ticketWorkflow } from './testing/ticket.workflow';
import { UpcasterRegistry } from './upcaster';

const definition = ticketWorkflow();
const at = (version: number, type: string, data: unknown, schemaVersion = 1, occurredAt = '2026-05-01'): RecordedEvent => ({
  id: `e${version}`,
  streamId: 'ticket-1',
  version,
  type,
  schemaVersion,
  data,
  metadata: { occurredAt, recordedAt: '2026-05-01T10:00:00Z', workflowVersion: 1 },
});

describe('fold', () => {
  it('folds events into state value, context and version', () => {
    const s = fold(definition, [at(1, 'TicketOpened', {}), at(2, 'PointsAdded', { n: 4 })]);
    expect(s).toEqual({ workflow: 'ticket', workflowVersion: 1, version: 2, stage: 'open', value: 'open', context: { openedOn: '2026-05-01', total: 4, frozen: false }, status: 'active' });
  });

  it('folds any prefix, then the rest, to the same result', () => {
    const events = [at(1, 'TicketOpened', {}), at(2, 'PointsAdded', { n: 4 }), at(3, 'PointsAdded', { n: 1 }), at(4, 'TicketFrozen', {})];
    const whole = fold(definition, events);
    for (let k = 0; k <= events.length; k++) expect(fold(definition, events.slice(k), fold(definition, events.slice(0, k)))).toEqual(whole);
  });

  it('refuses a gap in versions: a partial read never passes for the stream', () => {
    expect(() => fold(definition, [at(1, 'TicketOpened', {}), at(3, 'PointsAdded', { n: 1 })])).toThrow(ReplayFailed);
  });

  it('fails loudly on an event the machine does not accept', () => {
    expect(() => fold(definition, [at(1, 'TicketOpened', {}), at(2, 'PointsAdded', { n: 40 })])).toThrow(/Cannot replay ticket-1 at version 2/);
  });

  it('takes the business date from metadata, reading instants in Paris', () => {
    const e = { ...at(1, 'TicketOpened', {}), metadata: { occurredAt: '2026-06-30T22:30:00Z', recordedAt: 'x' } };
    expect(fold(definition, [e]).context.openedOn).toBe('2026-07-01');
  });
});

describe('upcasters', () => {
  it('lifts an old shape on read, never in the store', () => {
    const old = at(2, 'PointsAdded', { points: 3 }, 0);
    const s = fold(definition, [at(1, 'TicketOpened', {}), old]);
    expect(s.context.total).toBe(3);
    expect(old.data).toEqual({ points: 3 });
  });

  it('chains upcasters until the current schema', () => {
    const registry = new UpcasterRegistry()
      .register('Thing', 1, (d) => ({ ...(d as object), b: 2 }))
      .register('Thing', 2, (d) => ({ ...(d as object), c: 3 }));
    expect(registry.upcast({ type: 'Thing', schemaVersion: 1, data: { a: 1 } })).toEqual({ type: 'Thing', schemaVersion: 3, data: { a: 1, b: 2, c: 3 } });
    expect(registry.upcast({ type: 'Other', schemaVersion: 1, data: {} })).toEqual({ type: 'Other', schemaVersion: 1, data: {} });
  });

  it('refuses two upcasters for the same shape', () => {
    expect(() => new UpcasterRegistry().register('T', 1, (d) => d).register('T', 1, (d) => d)).toThrow(/already registered/);
  });
});
