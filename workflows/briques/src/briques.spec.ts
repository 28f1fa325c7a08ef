import { createBriqueRegistry, NATIONAL_BRIQUES } from './brique.catalogue';
import { validateBriqueData } from './brique-data.validator';
import { BriqueRegistry } from './brique.registry';
import { defineBrique } from './define-brique';

describe('the national catalogue', () => {
  it('registers the 18 briques of domain.md §3 with their cadence', () => {
    const registry = createBriqueRegistry();
    expect(registry.all()).toHaveLength(18);
    expect(registry.get('2.1')).toMatchObject({ group: 'AVDL', cadence: 'monthly' });
    expect(registry.get('3.4')).toMatchObject({ group: 'GLA', cadence: 'yearly' });
    expect(registry.get('1.5')).toMatchObject({ group: 'diagnostic', cadence: 'once' });
    expect(NATIONAL_BRIQUES.filter((b) => b.cadence === 'once').map((b) => b.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.7', '3.6']);
  });

  it('takes plugins beside the catalogue, never twice the same code', () => {
    const plugin = defineBrique({ code: 'acces-sante', group: 'association', title: 'Accès aux soins', cadence: 'monthly' });
    expect(createBriqueRegistry([plugin]).get('acces-sante')).toBe(plugin);
    expect(() => createBriqueRegistry([defineBrique({ code: '2.1', group: 'x', title: 'y', cadence: 'once' })])).toThrow(/registered twice/);
    expect(new BriqueRegistry().has('2.1')).toBe(false);
  });
});

describe('defineBrique', () => {
  it('freezes a valid definition', () => {
    const brique = defineBrique({ code: 'pre-attribution', group: 'association', title: 'Pré-attribution', cadence: 'monthly' });
    expect(Object.isFrozen(brique)).toBe(true);
  });

  it('refuses an invalid definition at start-up', () => {
    expect(() => defineBrique({ code: 'x y', group: '', title: 'T', cadence: 'weekly' as never })).toThrow(
      'Invalid brique x y: code must be letters, digits, dots or dashes; group must be a non-empty string; cadence must be one of once, monthly, yearly',
    );
  });
});

describe('brique data', () => {
  const schema = {
    sessions: { type: 'number', required: true, min: 1, integer: true },
    format: { type: 'enum', values: ['group', 'individual'] },
    startsOn: { type: 'date' },
    label: { type: 'string', maxLength: 5 },
    remote: { type: 'boolean' },
  } as const;

  it('validates against a descriptor', () => {
    expect(validateBriqueData(schema, { sessions: 4, format: 'group', startsOn: '2026-01-01', label: 'abc', remote: false })).toEqual([]);
    expect(validateBriqueData(schema, { sessions: 0.5, format: 'solo', startsOn: 'soon', label: 'too long', remote: 'no', extra: 1 })).toEqual([
      { field: 'details.extra', reason: 'is not a field of this brique' },
      { field: 'details.sessions', reason: 'must be a whole number' },
      { field: 'details.format', reason: 'must be one of group, individual' },
      { field: 'details.startsOn', reason: 'must be a date YYYY-MM-DD' },
      { field: 'details.label', reason: 'must be at most 5 characters' },
      { field: 'details.remote', reason: 'must be true or false' },
    ]);
    expect(validateBriqueData(schema, undefined)).toEqual([{ field: 'details.sessions', reason: 'is required' }]);
  });

  it('validates with a function', () => {
    const check = (d: unknown) => ((d as { n?: number })?.n === 1 ? [] : [{ field: 'details.n', reason: 'must be 1' }]);
    expect(validateBriqueData(check, { n: 1 })).toEqual([]);
    expect(validateBriqueData(check, {})).toEqual([{ field: 'details.n', reason: 'must be 1' }]);
  });

  it('without a schema accepts no data or an object', () => {
    expect(validateBriqueData(undefined, undefined)).toEqual([]);
    expect(validateBriqueData(undefined, [])).toEqual([{ field: 'details', reason: 'must be an object' }]);
  });
});
