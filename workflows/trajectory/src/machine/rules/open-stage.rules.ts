import type { TrajectoryContext } from '../../trajectory-context';
import { dataOf, orientationRequired, referentRequired, type TrajectoryRules } from './trajectory-rule';

/** Milestones of the programme not recorded yet. */
const openMilestones = (c: TrajectoryContext) => (c.programme?.milestones ?? []).filter((m) => c.milestones?.[m.code] === undefined);

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
  canRecordMilestone: [
    {
      code: 'unknown-milestone',
      reason: (c, e) =>
        `The programme ${c.programmeCode} has no milestone ${dataOf(e, 'MilestoneRecorded').code}${c.programme?.milestones?.length ? ` (its milestones: ${c.programme.milestones.map((m) => m.code).join(', ')})` : ''}.`,
      requirement: 'It names a milestone of the programme.',
      holds: (c, e) => (c.programme?.milestones ?? []).some((m) => m.code === dataOf(e, 'MilestoneRecorded').code),
      satisfiable: (c) => openMilestones(c).length > 0,
    },
    {
      code: 'milestone-already-recorded',
      reason: (c, e) => `The milestone ${dataOf(e, 'MilestoneRecorded').code} was already recorded on ${c.milestones?.[dataOf(e, 'MilestoneRecorded').code]}.`,
      requirement: 'It names a milestone not recorded yet.',
      holds: (c, e) => c.milestones?.[dataOf(e, 'MilestoneRecorded').code] === undefined,
      satisfiable: (c) => openMilestones(c).length > 0,
    },
  ],
  canWithdraw: [{ ...orientationRequired, reason: 'The household ends the accompaniment: record where it is oriented, nobody is left without a solution.' }],
} satisfies TrajectoryRules;
