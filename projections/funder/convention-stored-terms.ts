import { defaultConventionCode, type ConventionCreatedV2Data, type ConventionPrices, type StoredConventionTerms } from './convention.events';
import { toCents } from './money';

type StoredPrices = StoredConventionTerms['prices'];

/** The unit prices under their recorded (EUR) and API (cents) names; perMeasure is a list, mapped apart. */
const UNIT_PRICES = [
  ['perDiagnostic', 'perDiagnosticCents'],
  ['perMonth', 'perMonthCents'],
  ['perDwellingYear', 'perDwellingYearCents'],
] as const;

function centPrices(p: StoredPrices): ConventionPrices {
  const out: ConventionPrices = {};
  for (const [euros, cents] of UNIT_PRICES) if (p[euros] !== undefined) out[cents] = toCents(p[euros] as number);
  if (p.perMeasure) out.perMeasure = p.perMeasure.map((s) => ({ code: s.code, priceCents: toCents(s.price) }));
  return out;
}

/** A programme's default pricing (EUR, as its JSON file writes it) in a convention's cents. */
export function pricesFromProgramme(p: StoredPrices): ConventionPrices {
  return centPrices(p);
}

/** The upcaster of ConventionCreated: v1 (EUR, no code) read as v2 (cents, `<funder>-<year>`); v2 as recorded. */
export function upcastConventionCreated(schemaVersion: number, data: unknown): ConventionCreatedV2Data {
  if (schemaVersion >= 2) return data as ConventionCreatedV2Data;
  const { prices, yearlyCap, ...rest } = data as StoredConventionTerms;
  return { code: defaultConventionCode(rest.funder, rest.year), ...rest, prices: centPrices(prices), yearlyCapCents: toCents(yearlyCap), copiedFromProgramme: [] };
}

