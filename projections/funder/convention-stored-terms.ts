import type { Convention, ConventionTerms, StoredConvention, StoredConventionTerms } from './convention.events';
import { toCents, toEuros } from './money';

/** The recorded ConventionCreated (v1, EUR) for terms in cents; exact, since the cents are integers. */
export function toStoredTerms(terms: ConventionTerms): StoredConventionTerms {
  const p = terms.prices;
  return {
    funder: terms.funder,
    programme: terms.programme,
    year: terms.year,
    prices: {
      ...(p.perDiagnosticCents !== undefined ? { perDiagnostic: toEuros(p.perDiagnosticCents) } : {}),
      ...(p.perMonthCents !== undefined ? { perMonth: toEuros(p.perMonthCents) } : {}),
      ...(p.perMeasure ? { perMeasure: p.perMeasure.map((s) => ({ code: s.code, price: toEuros(s.priceCents) })) } : {}),
      ...(p.perDwellingYearCents !== undefined ? { perDwellingYear: toEuros(p.perDwellingYearCents) } : {}),
    },
    yearlyCap: toEuros(terms.yearlyCapCents),
    funderShares: terms.funderShares,
    ...(terms.plannedVolumes ? { plannedVolumes: terms.plannedVolumes } : {}),
  };
}

/** A convention as recorded (EUR) in the API's and the calculators' unit, integer cents. */
export function fromStoredConvention(stored: StoredConvention): Convention {
  const p = stored.prices;
  return {
    id: stored.id,
    createdOn: stored.createdOn,
    funder: stored.funder,
    programme: stored.programme,
    year: stored.year,
    prices: {
      ...(p.perDiagnostic !== undefined ? { perDiagnosticCents: toCents(p.perDiagnostic) } : {}),
      ...(p.perMonth !== undefined ? { perMonthCents: toCents(p.perMonth) } : {}),
      ...(p.perMeasure ? { perMeasure: p.perMeasure.map((s) => ({ code: s.code, priceCents: toCents(s.price) })) } : {}),
      ...(p.perDwellingYear !== undefined ? { perDwellingYearCents: toCents(p.perDwellingYear) } : {}),
    },
    yearlyCapCents: toCents(stored.yearlyCap),
    funderShares: stored.funderShares,
    ...(stored.plannedVolumes ? { plannedVolumes: stored.plannedVolumes } : {}),
  };
}
