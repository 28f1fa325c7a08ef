import { shapeResponse, ShapeMismatch } from './response-shapes';

const coordinatorView = {
  id: 't-1',
  version: 5,
  stage: 'briques',
  status: 'active',
  workflowVersion: 1,
  openedOn: '2026-01-05',
  referent: { id: 'ref-1' },
  programme: { code: 'asll-test' },
  conventionId: 'conv-1',
  householdId: 'h-1',
  activeBriques: [{ code: '2.1' }],
  nextDeadlines: [{ kind: 'point', dueOn: '2026-03-01', status: 'upcoming' }],
  allowedCommands: ['record-point'],
  details: {
    prescriber: { kind: 'ccas', name: 'CCAS', id: 'ccas' },
    motives: ['access'],
    cycle: 1,
    firstContact: { on: '2026-01-10', mode: 'office' },
    diagnostic: { concluded: { outcome: 'propose-accompaniment' } },
    suspensionReason: 'hospital',
    notesCount: 3,
    futureField: 'anything added to the view later',
  },
};
const principal = { id: 'u', role: 'secretary' as const, scopes: ['funder:caf'] };

describe('response shapes', () => {
  it('gives the front desk an allow-listed trajectory: nothing added later leaks', () => {
    const shaped = shapeResponse('trajectory:front-desk', coordinatorView, principal) as Record<string, unknown>;
    expect(shaped.details).toEqual({ prescriber: coordinatorView.details.prescriber, motives: ['access'], cycle: 1, firstContact: coordinatorView.details.firstContact });
    expect(shaped).not.toHaveProperty('activeBriques');
    expect(shaped).not.toHaveProperty('householdId');
  });

  it('strips personal data from the events of a command answer', () => {
    const result = { trajectoryId: 't-1', stage: 'diagnostic', status: 'active', version: 3, allowedCommands: [], events: [{ id: 'e', type: 'FirstContactRecorded', data: { mode: 'phone', personal: { summary: 'secret' } } }] };
    expect(JSON.stringify(shapeResponse('result:front-desk', result, principal))).not.toContain('secret');
    expect(shapeResponse('result:stage-only', result, principal)).toEqual({ trajectoryId: 't-1', stage: 'diagnostic', status: 'active' });
  });

  it('keeps a funder to its own conventions', () => {
    const list = [{ funder: 'caf' }, { funder: 'dep', funderShares: [{ funder: 'caf' }] }, { funder: 'dep', funderShares: [{ funder: 'dep' }] }];
    expect(shapeResponse('conventions:own', list, principal)).toEqual(list.slice(0, 2));
  });

  it('refuses to send an answer the shape does not fit rather than sending it whole', () => {
    expect(() => shapeResponse('trajectory:stage-only', 'a text body', principal)).toThrow(ShapeMismatch);
    expect(() => shapeResponse('conventions:own', { not: 'a list' }, principal)).toThrow(ShapeMismatch);
  });
});
