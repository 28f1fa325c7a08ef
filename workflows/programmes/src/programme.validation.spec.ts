import { validateProgramme } from './programme.validation';

const valid = {
  code: 'asll-x',
  title: 'ASLL X',
  firstContactDays: 15,
  diagnosticDays: 45,
  contractSignatureDays: 30,
  durationMonths: 6,
  renewals: { count: 2, months: 6 },
  bilanEveryMonths: 3,
  pointEveryMonths: 1,
  allowedBriques: ['2.1', '2.2'],
  pricing: { perDiagnostic: 150, perMonth: 190 },
  yearlyCap: 40000,
  funderShares: [
    { funder: 'departement', share: 0.6 },
    { funder: 'caf', share: 0.4 },
  ],
};

const problemsOf = (raw: unknown, options = {}) => {
  const r = validateProgramme(raw, options);
  return r.ok ? [] : r.problems;
};

describe('validateProgramme', () => {
  it('accepts a valid programme and defaults the retention to 24 months', () => {
    const r = validateProgramme(valid);
    expect(r).toMatchObject({ ok: true, programme: { code: 'asll-x', retentionMonths: 24, renewals: { count: 2, months: 6 } } });
  });

  it.each([
    [{ pricing: { perMonth: -190 } }, 'pricing.perMonth', 'must be a positive number'],
    [{ pricing: {} }, 'pricing', 'must set at least one of perDiagnostic, perMonth, perMeasure, perDwellingYear'],
    [{ pricing: { perMeasure: [{ code: 'a', price: 100 }, { code: 'a', price: 200 }] } }, 'pricing.perMeasure.1.code', 'repeats a'],
    [{ funderShares: [{ funder: 'caf', share: 0.5 }] }, 'funderShares', 'shares must sum to 1 (they sum to 0.5)'],
    [{ funderShares: [{ funder: 'caf', share: 1.5 }] }, 'funderShares.0.share', 'must be a number above 0 and at most 1'],
    [{ durationMonths: 0 }, 'durationMonths', 'must be a positive whole number'],
    [{ renewals: { count: -1, months: 6 } }, 'renewals.count', 'must be a whole number, 0 or more'],
    [{ allowedBriques: [] }, 'allowedBriques', 'must be a non-empty list of brique codes'],
    [{ code: 'ASLL X' }, 'code', 'must be a kebab-case code (lowercase letters, digits, dashes)'],
    [{ yearlyCap: '40000' }, 'yearlyCap', 'must be a positive number'],
    [{ bilanEvery: 3 }, 'bilanEvery', 'is not a programme field'],
    [{ plannedVolumes: { measures: 1.5 } }, 'plannedVolumes.measures', 'must be a whole number, 0 or more'],
    [{ monthBilling: 'weeks' }, 'monthBilling', 'must be one of calendar-months, months-of-measure'],
    [{ capPolicy: 'block' }, 'capPolicy', 'must be one of warn, refuse'],
    [{ saisineFields: { orientation: { title: 'Orientation', values: ['a'] } } }, 'saisineFields.orientation.values', 'must list at least two value codes'],
    [{ saisineFields: { orientation: { title: 'Orientation', values: ['a', 'b'], freeText: true } } }, 'saisineFields.orientation.freeText', 'is not a saisine field setting (categorical only: title, values, required)'],
    [{ saisineFields: { motives: { title: 'Motifs', values: ['a', 'b'] } } }, 'saisineFields.motives', 'is a name receive-saisine already uses'],
  ])('names the field: %j', (change, field, reason) => {
    expect(problemsOf({ ...valid, ...change })).toContainEqual({ field, reason });
  });

  it('takes the money terms as optional defaults, and the billing, cap policy and saisine fields when declared', () => {
    const { pricing: _p, yearlyCap: _c, funderShares: _f, ...unpriced } = valid;
    const r = validateProgramme({
      ...unpriced,
      monthBilling: 'months-of-measure',
      capPolicy: 'refuse',
      saisineFields: { orientation: { title: 'Orientation', values: ['maintien', 'mutation'], required: true } },
    });
    expect(r.ok && r.programme).toMatchObject({ monthBilling: 'months-of-measure', capPolicy: 'refuse', saisineFields: { orientation: { values: ['maintien', 'mutation'], required: true } } });
    expect(r.ok && 'pricing' in r.programme).toBe(false);
  });

  it('sums shares with a tolerance for decimals', () => {
    expect(problemsOf({ ...valid, funderShares: [0.1, 0.2, 0.7].map((share, i) => ({ funder: `f${i}`, share })) })).toEqual([]);
  });

  it('checks allowed briques against the registry when given one', () => {
    expect(problemsOf({ ...valid, allowedBriques: ['2.1', '9.9'] }, { isKnownBrique: (c: string) => c === '2.1' })).toEqual([
      { field: 'allowedBriques.1', reason: 'is not a registered brique (9.9)' },
    ]);
  });

  it('refuses what is not an object', () => {
    expect(problemsOf([])).toEqual([{ field: '(root)', reason: 'must be a JSON object' }]);
  });

  it('reads a validation setting (who validates, within how many days) and lists each wrong field', () => {
    const validation = { validatorId: 'fsl-69', validatorKind: 'fsl-secretariat', validatorName: 'Secrétariat du FSL', days: 15 };
    expect(validateProgramme({ ...valid, validation })).toMatchObject({ ok: true, programme: { validation } });
    expect(problemsOf({ ...valid, validation: { validatorId: 'a b', validatorKind: 'mayor', validatorName: ' ', days: 0, extra: 1 } }).map((p) => p.field).sort()).toEqual([
      'validation.days',
      'validation.extra',
      'validation.validatorId',
      'validation.validatorKind',
      'validation.validatorName',
    ]);
  });
});
