import type { Role } from '../../domain/src';

/**
 * The authenticated caller. Scopes narrow what a role may reach:
 * `service:<id>` (referent, coordinator, secretary), `prescriber:<id>`, `validator:<id>`, `partner:<id>`, `funder:<id>`.
 */
export interface Principal {
  id: string;
  role: Role;
  scopes: string[];
}

export function scopeValues(principal: Principal, kind: string): string[] {
  const prefix = `${kind}:`;
  return principal.scopes.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
}
