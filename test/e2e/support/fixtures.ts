import { testDeps } from '../../../workflows/trajectory/src/testing';
import type { Catalogue } from '../../../apps/api/src/trajectories/catalogue';

/** The example programmes of domain.md §5 (asll-test: 6 months renewable twice, bilan every 3 months). */
export function e2eCatalogue(): Catalogue {
  return testDeps();
}

export const SECRETARY = { id: 'secretary-1', role: 'secretary' };
export const COORDINATOR = { id: 'coordinator-1', role: 'coordinator' };
export const REFERENT = { id: 'referent-1', role: 'referent' };
export const REFERENT_2 = { id: 'referent-2', role: 'referent' };
/** The landlord of saisine(): its saisines carry prescriber.id 'lmh'. */
export const PRESCRIBER = { id: 'prescriber-lmh-1', role: 'prescriber', scopes: ['prescriber:lmh'] };
export const OTHER_PRESCRIBER = { id: 'prescriber-ccas-1', role: 'prescriber', scopes: ['prescriber:ccas-lyon'] };
export const FUNDER = { id: 'funder-dep-1', role: 'funder', scopes: ['funder:departement-x'] };
export const OTHER_FUNDER = { id: 'funder-al-1', role: 'funder', scopes: ['funder:action-logement'] };
/** The FSL secretariat validating the measures of asll-validated-test (validator fsl-69). */
export const VALIDATOR = { id: 'validator-fsl-1', role: 'validator', scopes: ['validator:fsl-69'] };
export const OTHER_VALIDATOR = { id: 'validator-commission-1', role: 'validator', scopes: ['validator:commission-x'] };
/** Lyon Métropole Habitat as a partner: the landlord (and, for saisine(), the prescriber) with id 'lmh'. */
export const PARTNER = { id: 'partner-lmh-1', role: 'partner', scopes: ['partner:lmh'] };
export const OTHER_PARTNER = { id: 'partner-ccas-1', role: 'partner', scopes: ['partner:ccas-villeurbanne'] };
export const AUDITOR = { id: 'auditor-1', role: 'auditor' };
export const ADMIN = { id: 'admin-1', role: 'admin' };

export const GRID = [
  { axis: 'pouvoir-louer', rating: 'acquired' },
  { axis: 'savoir-louer', rating: 'in-progress' },
  { axis: 'savoir-habiter', rating: 'in-progress' },
  { axis: 'savoir-s-adapter', rating: 'acquired' },
  { axis: 'besoin-accompagnement', rating: 'needs-support' },
];

export function saisine(occurredAt: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    occurredAt,
    programmeCode: 'asll-test',
    conventionId: 'conv-2026',
    prescriber: { kind: 'landlord', name: 'Lyon Métropole Habitat', id: 'lmh' },
    motives: ['unpaid-rent', 'maintenance'],
    household: { composition: 'single-parent', childrenCount: 2, ageBand: '35-44', referenceGender: 'female', mainResources: 'rsa' },
    personal: {
      household: { lastName: 'Martin', firstName: 'Awa', address: '12 rue des Lilas', postalCode: '69100', city: 'Villeurbanne', phone: '06 12 34 56 78' },
      prescriberContact: { name: 'Claire Dubois', email: 'c.dubois@lmh.example' },
    },
    ...overrides,
  };
}
