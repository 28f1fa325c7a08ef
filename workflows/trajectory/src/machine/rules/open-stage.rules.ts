import { dataOf, orientationRequired, referentRequired, type TrajectoryRules } from './trajectory-rule';

/** Rules of the commands accepted at any open stage. */
export const openStageRules = {
  canChangeReferent: [
    { ...referentRequired, reason: 'No referent is assigned yet: use assign-referent to name the first one.' },
    {
      code: 'same-referent',
      reason: 'This social worker is already the referent.',
      requirement: 'It names another social worker than the referent.',
      holds: (c, e) => dataOf(e, 'ReferentChanged').referentId !== c.referentId,
    },
  ],
  canWithdraw: [{ ...orientationRequired, reason: 'The household ends the accompaniment: record where it is oriented, nobody is left without a solution.' }],
} satisfies TrajectoryRules;
