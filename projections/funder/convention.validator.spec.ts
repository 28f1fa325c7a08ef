import { ValidationError } from '../../libs/domain/src';
import { validateConvention } from './convention.validator';

const VALID = { funder: 'departement-x', programme: 'asll-test', year: 2026, prices: { perDiagnosticCents: 15000, perMonthCents: 19000 }, yearlyCapCents: 4000000 };

function fieldsOf(input: unknown): string[] {
  try {
    validateConvention(input);
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((f) => `${f.field}: ${f.reason}`);
    throw e;
  }
  return [];
}

describe('validateConvention: amounts are integer euro cents', () => {
  it('takes cents and gives the holder the whole share by default', () => {
    expect(validateConvention(VALID)).toEqual({ ...VALID, code: 'departement-x-2026', funderShares: [{ funder: 'departement-x', share: 1 }], copiedFromProgramme: [] });
  });

  it('refuses an unknown programme and copies the money terms a convention leaves out from its programme, saying which', () => {
    const defaults = (code: string) => (code === 'asll-test' ? { prices: { perMonthCents: 19000 }, yearlyCapCents: 100, funderShares: [{ funder: 'departement-x', share: 0.6 }, { funder: 'caf', share: 0.4 }] } : undefined);
    expect(fieldsOf({ ...VALID, programme: 'asl-test' })).toEqual([]);
    expect(() => validateConvention({ ...VALID, programme: 'asl-test' }, defaults)).toThrow(ValidationError);
    const { prices: _p, yearlyCapCents: _c, ...bare } = VALID;
    expect(validateConvention({ ...bare, code: 'fsl-2026' }, defaults)).toMatchObject({
      code: 'fsl-2026',
      prices: { perMonthCents: 19000 },
      yearlyCapCents: 100,
      funderShares: [{ funder: 'departement-x', share: 0.6 }, { funder: 'caf', share: 0.4 }],
      copiedFromProgramme: ['prices', 'yearlyCapCents', 'funderShares'],
    });
    // Another funder's convention under the same programme is not bound by a split that leaves it out.
    expect(validateConvention({ ...VALID, funder: 'action-logement' }, defaults)).toMatchObject({ funderShares: [{ funder: 'action-logement', share: 1 }], copiedFromProgramme: [] });
    expect(validateConvention(VALID, defaults)).toMatchObject({ prices: VALID.prices, yearlyCapCents: 4000000, copiedFromProgramme: ['funderShares'] });
    expect(fieldsOf({ ...VALID, capPolicy: 'refuse' })).toEqual(['capPolicy: is not a convention field']);
  });

  it('refuses fractions of a cent, negative amounts and the euro-named fields of before', () => {
    expect(fieldsOf({ ...VALID, prices: { perMonthCents: 190.5 } })).toEqual([expect.stringMatching(/^prices\.perMonthCents: must be a non-negative integer number of euro cents/)]);
    expect(fieldsOf({ ...VALID, yearlyCapCents: -1 })).toEqual([expect.stringMatching(/^yearlyCapCents: must be a non-negative integer/)]);
    expect(fieldsOf({ ...VALID, prices: { perDiagnostic: 150 } })).toEqual([expect.stringMatching(/^prices\.perDiagnostic: unknown price; expected one of perDiagnosticCents/)]);
    expect(fieldsOf({ ...VALID, yearlyCap: 40000, yearlyCapCents: undefined })).toEqual([
      'yearlyCap: renamed yearlyCapCents: amounts are integer euro cents',
      'yearlyCapCents: required',
    ]);
    expect(fieldsOf({ ...VALID, prices: { perMeasure: [{ code: 'standard', price: 500 }] } })).toEqual(['prices.perMeasure[0].priceCents: required']);
  });
});
