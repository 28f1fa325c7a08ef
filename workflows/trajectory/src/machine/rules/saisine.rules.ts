import { dataOf, orientationRequired, referentRequired, type TrajectoryRules } from './trajectory-rule';

export const saisineRules = {
  canAssignReferent: [
    {
      code: 'referent-already-assigned',
      reason: 'This social worker is already the referent.',
      requirement: 'It names another social worker than the referent.',
      holds: (c, e) => dataOf(e, 'ReferentAssigned').referentId !== c.referentId,
    },
  ],
  canRecordFirstContact: [referentRequired],
  canReorient: [orientationRequired],
} satisfies TrajectoryRules;
