import { dataOf, orientationRequired, referentRequired, type TrajectoryRuleBook } from './trajectory-rule';

export const saisineRules: TrajectoryRuleBook = {
  canAssignReferent: [
    {
      code: 'referent-already-assigned',
      reason: 'This social worker is already the referent.',
      holds: (c, e) => dataOf(e, 'ReferentAssigned').referentId !== c.referentId,
    },
  ],
  canRecordFirstContact: [referentRequired],
  canReorient: [orientationRequired],
};
