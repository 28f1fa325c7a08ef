import { FixedClock } from '../../../libs/domain/src';
import { decide } from './decide';
import { initialSnapshot } from './machine-state';
import { DEFAULT_EARLIEST_OCCURRED_AT } from './occurred-at';
import { SequentialIds } from './testing/in-memory-workflow-store';
import { ticketWorkflow } from './testing/ticket.workflow';

const definition = ticketWorkflow();
const actor = { id: 'u1', role: 'referent' as const };
const open = (occurredAt: string, earliestOccurredAt?: string) =>
  decide(definition, initialSnapshot(definition), { type: 'open' }, { actor, occurredAt }, { clock: new FixedClock('2026-05-10T08:00:00Z'), ids: new SequentialIds(), earliestOccurredAt });

describe('the business date lower bound', () => {
  it('refuses a date before 1990-01-01 by default, with a stable code and the field', () => {
    expect(DEFAULT_EARLIEST_OCCURRED_AT).toBe('1990-01-01');
    expect(open('1989-12-31')).toMatchObject({
      accepted: false,
      refusal: { code: 'occurred-before-minimum', kind: 'invalid', fields: [{ field: 'occurredAt', reason: 'before 1990-01-01' }] },
    });
    expect(open('0001-01-01T00:00:00Z')).toMatchObject({ accepted: false, refusal: { code: 'occurred-before-minimum' } });
    expect(open('1990-01-01')).toMatchObject({ accepted: true });
  });

  it('takes the bound it is given', () => {
    expect(open('2019-12-31', '2020-01-01')).toMatchObject({ accepted: false, refusal: { code: 'occurred-before-minimum', reason: expect.stringContaining('2020-01-01') } });
    expect(open('2020-01-01', '2020-01-01')).toMatchObject({ accepted: true });
  });
});
