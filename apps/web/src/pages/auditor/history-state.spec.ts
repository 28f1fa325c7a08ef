import { diffStates, type StateView } from './history-state';

const base: StateView = {
  id: 't',
  version: 2,
  stage: 'saisine',
  status: 'active',
  referent: { id: 'referent-1' },
  programme: { code: 'asll-test' },
  activeBriques: [],
  nextDeadlines: [{ kind: 'first-contact', dueOn: '2026-01-20' }],
  allowedCommands: ['record-first-contact'],
  details: { firstContact: null },
};

describe('diffStates', () => {
  it('marks exactly the fields that differ between two points, details included', () => {
    const later: StateView = { ...base, version: 3, stage: 'diagnostic', nextDeadlines: [], details: { firstContact: { on: '2026-01-12', mode: 'phone' } } };
    const diff = diffStates(base, later);
    expect(diff.filter((d) => d.changed).map((d) => d.key)).toEqual(['stage', 'version', 'deadlines', 'details.firstContact.on', 'details.firstContact.mode']);
    expect(diff.find((d) => d.key === 'stage')).toMatchObject({ a: 'Saisine', b: 'Diagnostic' });
    expect(diff.find((d) => d.key === 'referent')).toMatchObject({ changed: false, a: 'referent-1' });
  });
});
