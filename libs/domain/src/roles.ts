export const ROLES = ['referent', 'coordinator', 'secretary', 'prescriber', 'validator', 'partner', 'funder', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: recorded in every event's metadata. */
export interface Actor {
  id: string;
  role: Role;
}
