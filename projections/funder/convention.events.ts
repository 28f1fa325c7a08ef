import type { CalendarDate } from '../../libs/domain/src';
import type { Cents } from './money';

export const CONVENTION_STREAM_PREFIX = 'convention-';
export const CONVENTION_CREATED = 'ConventionCreated';

export function conventionStreamId(id: string): string {
  return `${CONVENTION_STREAM_PREFIX}${id}`;
}

/** A convention's prices, in integer euro cents: what the API takes and answers, and what the figures are summed in. */
export interface ConventionPrices {
  perDiagnosticCents?: Cents;
  perMonthCents?: Cents;
  /** Per measure, on one or more scales (barèmes); a measure without a named scale takes the first. */
  perMeasure?: { code: string; priceCents: Cents }[];
  perDwellingYearCents?: Cents;
}

export interface ConventionTerms {
  /** The funder holding the convention (an organisation code, e.g. 'departement-69'). */
  funder: string;
  programme: string;
  year: number;
  prices: ConventionPrices;
  /** Integer euro cents for the calendar year. */
  yearlyCapCents: Cents;
  /** Who pays which share of the cost; shares sum to 1. */
  funderShares: { funder: string; share: number }[];
  plannedVolumes?: { diagnostics?: number; measures?: number; monthMeasures?: number; dwellingYears?: number };
}

export interface Convention extends ConventionTerms {
  id: string;
  createdOn: CalendarDate;
}

/**
 * ConventionCreated schemaVersion 1 as recorded, and the funder_conventions.terms column built from
 * it: amounts in EUR (decimal numbers with at most two decimals), the shape of a programme's pricing.
 * Recorded events never change, so the cents of the API are converted to and from this shape at the
 * store's edge (convention-stored-terms.ts) rather than by a new event version.
 */
export interface StoredConventionTerms {
  funder: string;
  programme: string;
  year: number;
  prices: { perDiagnostic?: number; perMonth?: number; perMeasure?: { code: string; price: number }[]; perDwellingYear?: number };
  yearlyCap: number;
  funderShares: { funder: string; share: number }[];
  plannedVolumes?: ConventionTerms['plannedVolumes'];
}

export type ConventionCreatedData = StoredConventionTerms;

export interface StoredConvention extends StoredConventionTerms {
  id: string;
  createdOn: CalendarDate;
}
