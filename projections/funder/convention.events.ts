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
  /**
   * Unique within its programme and year: what a saisine or a contract may name it by (a landlord
   * knows "bailleur-lmh-2026", not a UUID). Default `<funder>-<year>`.
   */
  code: string;
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

/** The money terms a convention may leave out and copy from its programme's defaults. */
export const DEFAULTED_TERMS = ['prices', 'yearlyCapCents', 'funderShares', 'plannedVolumes'] as const;
export type DefaultedTerm = (typeof DEFAULTED_TERMS)[number];

export interface Convention extends ConventionTerms {
  id: string;
  createdOn: CalendarDate;
  /** Which money terms were copied from the programme's defaults when it was created (they are the convention's own from then on). */
  copiedFromProgramme: DefaultedTerm[];
}

/**
 * ConventionCreated schemaVersion 2, as recorded since conventions have a code: the terms in
 * integer cents, as the API takes them. Version 1 (EUR, no code) is read through upcastConventionCreated.
 */
export interface ConventionCreatedV2Data extends ConventionTerms {
  copiedFromProgramme: DefaultedTerm[];
}

export const CONVENTION_CREATED_SCHEMA_VERSION = 2;

/** The default code of a convention that was given none (and of every v1 convention). */
export function defaultConventionCode(funder: string, year: number): string {
  return `${funder}-${year}`;
}

/**
 * ConventionCreated schemaVersion 1 as recorded until conventions had a code: amounts in EUR
 * (decimal numbers with at most two decimals). Recorded events never change: a v1 event is upcast
 * on read (convention-stored-terms.ts), its code defaulted to `<funder>-<year>`.
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

export type ConventionCreatedV1Data = StoredConventionTerms;
