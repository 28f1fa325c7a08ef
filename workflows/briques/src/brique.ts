/** How often a brique needs a point while it is active (domain.md §3). */
export type BriqueCadence = 'once' | 'monthly' | 'yearly';
export const BRIQUE_CADENCES: readonly BriqueCadence[] = ['once', 'monthly', 'yearly'];

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A JSON-schema-like descriptor of one field of a brique's start data. */
export type BriqueFieldSpec =
  | { type: 'string'; required?: boolean; maxLength?: number }
  | { type: 'number'; required?: boolean; min?: number; max?: number; integer?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'enum'; required?: boolean; values: readonly string[] };

/**
 * Either a field descriptor or a validator function returning the problems found (none = valid).
 * The data it validates is categorical: free text belongs in the event's `personal` part.
 */
export type BriqueDataSchema = Readonly<Record<string, BriqueFieldSpec>> | ((data: unknown) => FieldProblem[]);

export interface BriqueDefinition {
  /** Unique code, e.g. '2.1' or 'remobilisation'. */
  readonly code: string;
  /** Catalogue group, e.g. 'AVDL', 'GLA', 'diagnostic', or an association's own. */
  readonly group: string;
  readonly title: string;
  readonly cadence: BriqueCadence;
  readonly dataSchema?: BriqueDataSchema;
}
