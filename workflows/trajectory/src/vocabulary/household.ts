/** Categorical facts about a household: safe for statistics, never identifying on their own. */

export const PRESCRIBER_KINDS = ['landlord', 'fsl', 'departement', 'ccas', 'siao', 'dalo-commission', 'ccapex', 'chrs', 'other'] as const;
export type PrescriberKind = (typeof PRESCRIBER_KINDS)[number];

export const MOTIVES = ['access', 'maintenance', 'unpaid-rent', 'neighbourhood-trouble', 'indecent-dwelling', 'other'] as const;
export type Motive = (typeof MOTIVES)[number];

export const COMPOSITIONS = ['single', 'couple', 'single-parent', 'couple-with-children', 'other'] as const;
export type Composition = (typeof COMPOSITIONS)[number];

export const AGE_BANDS = ['under-25', '25-34', '35-44', '45-54', '55-64', '65-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const RESOURCES_TYPES = ['salary', 'unemployment-benefit', 'rsa', 'aah', 'pension', 'family-allowances', 'none', 'other'] as const;
export type ResourcesType = (typeof RESOURCES_TYPES)[number];

export interface HouseholdProfile {
  composition: Composition;
  childrenCount: number;
  ageBand: AgeBand;
  /** Gender of the reference person. */
  referenceGender: Gender;
  mainResources: ResourcesType;
}

/**
 * The prescriber is an organisation (a landlord, a CCAS...): its name is not personal data and
 * prescribers need it to find their saisines. A contact person's name goes to `personal`.
 */
export interface Prescriber {
  kind: PrescriberKind;
  name: string;
  id?: string;
}

/** Identifying data: kept in `data.personal`, encrypted and erasable later (domain.md §8). */
export interface PersonName {
  lastName?: string;
  firstName?: string;
}

export interface HouseholdIdentity extends PersonName {
  otherMembers?: PersonName[];
  address?: string;
  postalCode?: string;
  city?: string;
  phone?: string;
  email?: string;
}

export interface ContactPerson {
  name?: string;
  phone?: string;
  email?: string;
}
