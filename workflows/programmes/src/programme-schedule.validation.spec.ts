import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DIR } from './programme.loader';
import { delayOf, maxContractMonths, stagesOfBrique, termsOf } from './programme';
import { validateProgramme } from './programme.validation';

const base = JSON.parse(readFileSync(join(CATALOGUE_DIR, 'avdl-generic.json'), 'utf8')) as Record<string, unknown>;
const problemsOf = (extra: Record<string, unknown>) => {
  const result = validateProgramme({ ...base, ...extra });
  return result.ok ? [] : result.problems;
};

describe('a programme’s schedule: delays, bounds, stages, cadences, milestones', () => {
  it('takes delays in days, weeks or calendar months instead of the ...Days fields', () => {
    const { firstContactDays: _a, diagnosticDays: _b, ...rest } = base;
    const result = validateProgramme({ ...rest, delays: { firstContact: { weeks: 2 }, diagnostic: { months: 2 } } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(delayOf(result.programme, 'diagnostic')).toEqual({ months: 2 });
    expect(delayOf(result.programme, 'firstContact')).toEqual({ weeks: 2 });
    expect(delayOf(result.programme, 'contractSignature')).toEqual({ days: 30 });
    expect(validateProgramme(rest)).toMatchObject({ ok: false, problems: [{ field: 'firstContactDays', reason: 'must be a positive whole number (or set delays.firstContact)' }, { field: 'diagnosticDays' }] });
    expect(problemsOf({ delays: { diagnostic: { months: 0 }, lease: { days: 1 } } })).toEqual([
      { field: 'delays.diagnostic', reason: 'months must be a positive whole number', reasonFr: 'months doit être un entier positif' },
      { field: 'delays.lease', reason: 'is not a delay (firstContact, diagnostic, contractSignature)', reasonFr: "n'est pas un délai (firstContact, diagnostic, contractSignature)" },
    ]);
  });

  it('bounds the contract: maxDurationMonths at least durationMonths, copied into the terms (default the duration)', () => {
    expect(problemsOf({ durationMonths: 12, maxDurationMonths: 6 })).toMatchObject([{ field: 'maxDurationMonths', reason: 'must be at least durationMonths (12)' }]);
    const result = validateProgramme({ ...base, durationMonths: 12 });
    if (!result.ok) throw new Error('invalid');
    expect(maxContractMonths(result.programme)).toBe(12);
    expect(termsOf(result.programme).maxDurationMonths).toBe(12);
  });

  it('says in which stages a brique runs, among the allowed briques', () => {
    expect(problemsOf({ briqueStages: { '2.1': ['diagnostic', 'lease'], '3.2': ['briques'] } })).toMatchObject([
      { field: 'briqueStages.2.1.1', reason: 'must be one of diagnostic, contract, briques' },
      { field: 'briqueStages.3.2', reason: 'names a brique that allowedBriques does not list' },
    ]);
    expect(stagesOfBrique({ briqueStages: { '2.1': ['diagnostic', 'briques'] } }, '2.1')).toEqual(['diagnostic', 'briques']);
    expect(stagesOfBrique({}, '2.1')).toEqual(['briques']);
  });

  it('checks point cadences and milestones field by field', () => {
    expect(
      problemsOf({
        pointCadences: [
          { code: 'weekly', title: 'Hebdomadaire', atLeast: 4, per: { months: 1 }, parties: ['landlord', 'bank'], modes: ['home-visit'] },
          { code: 'weekly', title: '', per: { weeks: 1 }, briques: ['3.2'], colour: 'red' },
        ],
        milestones: [
          { code: 'bail-glisse', title: 'Glissement du bail', anchor: { milestone: 'bail-signe' }, dueAfter: { months: 12 } },
          { code: 'bail-signe', title: 'Signature du bail', anchor: 'lease', dueAfter: { months: 3 }, occupancyStatuses: ['sliding'] },
        ],
      }),
    ).toMatchObject([
      { field: 'pointCadences.0.parties.1', reason: 'must be one of household, referent, landlord, prescriber, partner' },
      { field: 'pointCadences.1.colour', reason: 'is not a cadence field' },
      { field: 'pointCadences.1.code', reason: 'repeats weekly' },
      { field: 'pointCadences.1.title', reason: 'must be a non-empty string' },
      { field: 'pointCadences.1.briques.0', reason: 'must be a brique of allowedBriques' },
      { field: 'milestones.1.anchor', reason: 'must be one of saisine, first-contact, measure-start or { milestone }' },
      { field: 'milestones.1.occupancyStatuses.0' },
    ]);
    const result = validateProgramme({ ...base, pointCadences: [{ code: 'quarterly-landlord', title: 'Bailleur', per: { months: 3 }, parties: ['landlord'] }] });
    expect(result.ok && result.programme.pointCadences).toEqual([{ code: 'quarterly-landlord', title: 'Bailleur', atLeast: 1, per: { months: 3 }, parties: ['landlord'] }]);
  });
});
