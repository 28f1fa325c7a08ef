import { ValidationError } from '../../libs/domain/src';
import { DEFAULTED_TERMS, defaultConventionCode, type ConventionTerms, type DefaultedTerm } from './convention.events';
import type { Cents } from './money';

const CONVENTION_FIELDS = ['code', 'funder', 'programme', 'year', 'prices', 'yearlyCapCents', 'yearlyCap', 'funderShares', 'plannedVolumes'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

type Problems = { field: string; reason: string }[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function amount(value: unknown, field: string, problems: Problems, required = false): Cents | undefined {
  if (value === undefined || value === null) {
    if (required) problems.push({ field, reason: 'required' });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push({ field, reason: 'must be a non-negative integer number of euro cents (150 EUR is 15000)' });
    return undefined;
  }
  return value;
}

function code(value: unknown, field: string, problems: Problems): string | undefined {
  if (typeof value !== 'string' || !CODE.test(value)) {
    problems.push({ field, reason: 'must be a code of 1-100 letters, digits and . _ : -' });
    return undefined;
  }
  return value;
}

/** A programme's money defaults, in cents, for a convention that leaves them out; undefined: no such programme. */
export type ProgrammeDefaults = (code: string) => Partial<Pick<ConventionTerms, 'prices' | 'yearlyCapCents' | 'funderShares' | 'plannedVolumes'>> | undefined;

/**
 * Checks a convention as an admin posts it. Codes only (funder, programme, scales): a convention
 * is read by funders, and the funder read models hold no names or free text.
 */
export function validateConvention(raw: unknown, programmeDefaults?: ProgrammeDefaults): ConventionTerms & { copiedFromProgramme: DefaultedTerm[] } {
  const problems: Problems = [];
  if (!isRecord(raw)) throw new ValidationError('A convention must be a JSON object.', [{ field: 'body', reason: 'not an object' }]);
  for (const k of Object.keys(raw)) if (!CONVENTION_FIELDS.includes(k)) problems.push({ field: k, reason: 'is not a convention field' });
  const funder = code(raw.funder, 'funder', problems);
  const programme = code(raw.programme, 'programme', problems);
  const defaults = programme && programmeDefaults ? programmeDefaults(programme) : {};
  if (programme && programmeDefaults && !defaults) problems.push({ field: 'programme', reason: `unknown programme ${programme}: not in the catalogue` });
  // The money terms a convention leaves out are copied from its programme's defaults, once, here.
  const copiedFromProgramme: DefaultedTerm[] = [];
  const input: Record<string, unknown> = { ...raw };
  if (defaults) {
    for (const term of DEFAULTED_TERMS) {
      const absent = raw[term] === undefined && (term !== 'yearlyCapCents' || raw.yearlyCap === undefined);
      // The programme's co-funding split is another funder's agreement unless it names this convention's funder.
      const othersShares = term === 'funderShares' && !(defaults.funderShares ?? []).some((s) => s.funder === funder);
      if (absent && !othersShares && defaults[term] !== undefined) {
        input[term] = structuredClone(defaults[term]);
        copiedFromProgramme.push(term);
      }
    }
  }
  const conventionCode = input.code === undefined ? undefined : code(input.code, 'code', problems);
  const year = input.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) problems.push({ field: 'year', reason: 'must be a year between 2000 and 2100' });

  const prices: ConventionTerms['prices'] = {};
  const rawPrices = input.prices;
  if (!isRecord(rawPrices)) problems.push({ field: 'prices', reason: 'required: an object with perDiagnosticCents, perMonthCents, perMeasure and/or perDwellingYearCents' });
  else {
    const known = ['perDiagnosticCents', 'perMonthCents', 'perMeasure', 'perDwellingYearCents'];
    for (const k of Object.keys(rawPrices)) if (!known.includes(k)) problems.push({ field: `prices.${k}`, reason: `unknown price; expected one of ${known.join(', ')} (integer euro cents)` });
    const perDiagnosticCents = amount(rawPrices.perDiagnosticCents, 'prices.perDiagnosticCents', problems);
    const perMonthCents = amount(rawPrices.perMonthCents, 'prices.perMonthCents', problems);
    const perDwellingYearCents = amount(rawPrices.perDwellingYearCents, 'prices.perDwellingYearCents', problems);
    if (perDiagnosticCents !== undefined) prices.perDiagnosticCents = perDiagnosticCents;
    if (perMonthCents !== undefined) prices.perMonthCents = perMonthCents;
    if (perDwellingYearCents !== undefined) prices.perDwellingYearCents = perDwellingYearCents;
    if (rawPrices.perMeasure !== undefined) {
      if (!Array.isArray(rawPrices.perMeasure) || rawPrices.perMeasure.length === 0) {
        problems.push({ field: 'prices.perMeasure', reason: 'must be a non-empty list of { code, priceCents }' });
      } else {
        const scales: { code: string; priceCents: Cents }[] = [];
        rawPrices.perMeasure.forEach((s: unknown, i: number) => {
          const c = isRecord(s) ? code(s.code, `prices.perMeasure[${i}].code`, problems) : undefined;
          const p = isRecord(s) ? amount(s.priceCents, `prices.perMeasure[${i}].priceCents`, problems, true) : undefined;
          if (!isRecord(s)) problems.push({ field: `prices.perMeasure[${i}]`, reason: 'must be { code, priceCents }' });
          if (c && scales.some((x) => x.code === c)) problems.push({ field: `prices.perMeasure[${i}].code`, reason: 'duplicate scale' });
          if (c !== undefined && p !== undefined) scales.push({ code: c, priceCents: p });
        });
        prices.perMeasure = scales;
      }
    }
    if (Object.keys(prices).length === 0 && !problems.some((p) => p.field.startsWith('prices'))) problems.push({ field: 'prices', reason: 'at least one price is needed' });
  }
  // The field's name carries the unit: a cap sent under the old name (EUR) must not be read as cents.
  if (input.yearlyCap !== undefined) problems.push({ field: 'yearlyCap', reason: 'renamed yearlyCapCents: amounts are integer euro cents' });
  const yearlyCapCents = amount(input.yearlyCapCents, 'yearlyCapCents', problems, true);

  let funderShares: ConventionTerms['funderShares'] = funder ? [{ funder, share: 1 }] : [];
  if (input.funderShares !== undefined) {
    if (!Array.isArray(input.funderShares) || input.funderShares.length === 0) problems.push({ field: 'funderShares', reason: 'must be a non-empty list of { funder, share }' });
    else {
      funderShares = [];
      input.funderShares.forEach((s: unknown, i: number) => {
        const f = isRecord(s) ? code(s.funder, `funderShares[${i}].funder`, problems) : undefined;
        const share = isRecord(s) ? s.share : undefined;
        if (typeof share !== 'number' || !(share > 0 && share <= 1)) problems.push({ field: `funderShares[${i}].share`, reason: 'must be a number in (0, 1]' });
        else if (f) {
          if (funderShares.some((x) => x.funder === f)) problems.push({ field: `funderShares[${i}].funder`, reason: 'duplicate funder' });
          funderShares.push({ funder: f, share });
        }
      });
      const sum = funderShares.reduce((s, x) => s + x.share, 0);
      if (funderShares.length === input.funderShares.length && Math.abs(sum - 1) > 1e-9) problems.push({ field: 'funderShares', reason: `shares must sum to 1 (they sum to ${sum})` });
    }
  }

  let plannedVolumes: ConventionTerms['plannedVolumes'];
  if (input.plannedVolumes !== undefined) {
    if (!isRecord(input.plannedVolumes)) problems.push({ field: 'plannedVolumes', reason: 'must be an object' });
    else {
      plannedVolumes = {};
      for (const k of ['diagnostics', 'measures', 'monthMeasures', 'dwellingYears'] as const) {
        const v = input.plannedVolumes[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problems.push({ field: `plannedVolumes.${k}`, reason: 'must be a non-negative integer' });
        else plannedVolumes[k] = v;
      }
    }
  }

  if (problems.length > 0) throw new ValidationError('The convention is invalid.', problems, 'invalid-convention');
  return {
    code: conventionCode ?? defaultConventionCode(funder as string, year as number),
    funder: funder as string,
    programme: programme as string,
    year: year as number,
    prices,
    yearlyCapCents: yearlyCapCents as Cents,
    funderShares,
    ...(plannedVolumes ? { plannedVolumes } : {}),
    copiedFromProgramme,
  };
}
