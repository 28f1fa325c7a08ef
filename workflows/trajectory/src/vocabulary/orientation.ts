/**
 * Where a household was sent when the service stops: "nobody is left without a solution"
 * (domain.md §8). The kind is categorical; a partner's own words go to `personal`.
 */
export const ORIENTATION_KINDS = [
  'ccas',
  'departement-social-services',
  'savs',
  'mental-health-service',
  'other-association',
  'siao',
  'fsl',
  'landlord',
  'common-law-services',
  'other',
] as const;
export type OrientationKind = (typeof ORIENTATION_KINDS)[number];

export interface Orientation {
  kind: OrientationKind;
  /** Organisation name (not a person): e.g. "CCAS de Villeurbanne". */
  partnerName?: string;
}

/** A partner service that takes a household on (relais). */
export type Partner = Orientation;
