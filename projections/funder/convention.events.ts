import type { CalendarDate } from '../../libs/domain/src';

export const CONVENTION_STREAM_PREFIX = 'convention-';
export const CONVENTION_CREATED = 'ConventionCreated';

export function conventionStreamId(id: string): string {
  return `${CONVENTION_STREAM_PREFIX}${id}`;
}

/** Same shape as a programme's pricing (workflows/programmes): EUR amounts. */
export interface ConventionPrices {
  perDiagnostic?: number;
  perMonth?: number;
  /** Per measure, on one or more scales (barèmes); a measure without a named scale takes the first. */
  perMeasure?: { code: string; price: number }[];
  perDwellingYear?: number;
}

export interface ConventionTerms {
  /** The funder holding the convention (an organisation code, e.g. 'departement-69'). */
  funder: string;
  programme: string;
  year: number;
  prices: ConventionPrices;
  /** EUR for the calendar year. */
  yearlyCap: number;
  /** Who pays which share of the cost; shares sum to 1. */
  funderShares: { funder: string; share: number }[];
  plannedVolumes?: { diagnostics?: number; measures?: number; monthMeasures?: number; dwellingYears?: number };
}

/** A funder's yearly agreement under a programme; conventions are events like everything else, so a rebuild restores them. */
export type ConventionCreatedData = ConventionTerms;

export interface Convention extends ConventionTerms {
  id: string;
  createdOn: CalendarDate;
}
