import { termsOf } from '../../../programmes/src';
import {
  AGE_BANDS,
  COMPOSITIONS,
  GENDERS,
  MOTIVES,
  PRESCRIBER_KINDS,
  RESOURCES_TYPES,
  type ContactPerson,
  type HouseholdIdentity,
  type HouseholdProfile,
  type Motive,
  type Prescriber,
} from '../vocabulary/household';
import { compact, event, invalid, type TrajectoryCommandSpec } from './support/trajectory-command';

export interface ReceiveSaisinePayload {
  /** Code of a registered programme. */
  programmeCode: string;
  conventionId?: string;
  /** Omit for a household new to the service; pass it to link a new saisine to earlier ones. */
  householdId?: string;
  prescriber: Prescriber;
  motives: Motive[];
  household: HouseholdProfile;
  personal?: {
    household?: HouseholdIdentity;
    prescriberContact?: ContactPerson;
    comment?: string;
  };
}

export const receiveSaisine: TrajectoryCommandSpec<'receive-saisine'> = {
  produces: ['SaisineReceived'],
  read: (c) =>
    compact({
      programmeCode: c.str('programmeCode')!,
      conventionId: c.str('conventionId', { optional: true }),
      householdId: c.str('householdId', { optional: true }),
      prescriber: c.obj('prescriber', (p) => compact({ kind: p.oneOf('kind', PRESCRIBER_KINDS)!, name: p.str('name')!, id: p.str('id', { optional: true }) }))!,
      motives: c.list('motives', (m, raw) => (typeof raw === 'string' && (MOTIVES as readonly string[]).includes(raw) ? (raw as Motive) : m.problem('', `must be one of ${MOTIVES.join(', ')}`)), {
        minItems: 1,
      })!,
      household: c.obj('household', (h) => ({
        composition: h.oneOf('composition', COMPOSITIONS)!,
        childrenCount: h.int('childrenCount', { min: 0, max: 20 })!,
        ageBand: h.oneOf('ageBand', AGE_BANDS)!,
        referenceGender: h.oneOf('referenceGender', GENDERS)!,
        mainResources: h.oneOf('mainResources', RESOURCES_TYPES)!,
      }))!,
      personal: c.personal(),
    }),
  decide: (p, { deps, ids, workflowVersion }) => {
    const programme = deps.programmes.get(p.programmeCode);
    if (!programme) return invalid('programmeCode', `"${p.programmeCode}" is not a known programme`, 'unknown-programme');
    return [
      event(
        'SaisineReceived',
        compact({
          workflowVersion,
          programme: termsOf(programme),
          conventionId: p.conventionId,
          householdId: p.householdId ?? ids.next(),
          prescriber: p.prescriber,
          motives: [...new Set(p.motives)],
          household: p.household,
          personal: p.personal,
        }),
      ),
    ];
  },
};
