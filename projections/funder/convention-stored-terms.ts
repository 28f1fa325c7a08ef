import type { Convention, ConventionPrices, ConventionTerms, StoredConvention, StoredConventionTerms } from './convention.events';
import { toCents, toEuros, type Cents } from './money';

type StoredPrices = StoredConventionTerms['prices'];

/** The unit prices under their recorded (EUR) and API (cents) names; perMeasure is a list, mapped apart. */
const UNIT_PRICES = [
  ['perDiagnostic', 'perDiagnosticCents'],
  ['perMonth', 'perMonthCents'],
  ['perDwellingYear', 'perDwellingYearCents'],
] as const;

function storedPrices(p: ConventionPrices): StoredPrices {
  const out: StoredPrices = {};
  for (const [euros, cents] of UNIT_PRICES) if (p[cents] !== undefined) out[euros] = toEuros(p[cents] as Cents);
  if (p.perMeasure) out.perMeasure = p.perMeasure.map((s) => ({ code: s.code, price: toEuros(s.priceCents) }));
  return out;
}

function centPrices(p: StoredPrices): ConventionPrices {
  const out: ConventionPrices = {};
  for (const [euros, cents] of UNIT_PRICES) if (p[euros] !== undefined) out[cents] = toCents(p[euros] as number);
  if (p.perMeasure) out.perMeasure = p.perMeasure.map((s) => ({ code: s.code, priceCents: toCents(s.price) }));
  return out;
}

/** The recorded ConventionCreated (v1, EUR) for terms in cents; exact, since the cents are integers. */
export function toStoredTerms(terms: ConventionTerms): StoredConventionTerms {
  const { prices, yearlyCapCents, ...rest } = terms;
  return { ...rest, prices: storedPrices(prices), yearlyCap: toEuros(yearlyCapCents) };
}

/** A convention as recorded (EUR) in the API's and the calculators' unit, integer cents. */
export function fromStoredConvention(stored: StoredConvention): Convention {
  const { prices, yearlyCap, ...rest } = stored;
  return { ...rest, prices: centPrices(prices), yearlyCapCents: toCents(yearlyCap) };
}
