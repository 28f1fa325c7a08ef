import { daysBetween, type CalendarDate } from '../../../../../libs/domain/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { briqueAllowedInStage } from './early-briques.rules';
import { dataOf, notSuspended, withinMeasure, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';

/** domain.md §2: a renewal needs a bilan recorded in the last 30 days. */
export const RENEWAL_BILAN_WINDOW_DAYS = 30;

const active = (c: TrajectoryContext, code: string) => c.activeBriques.find((b) => b.code === code);
/** Briques the programme allows that are not running: what start-brique may name. */
const startable = (c: TrajectoryContext) => (c.programme?.allowedBriques ?? []).filter((code) => active(c, code) === undefined);
/** Active briques a point dated `on` may name. */
const pointable = (c: TrajectoryContext, on: CalendarDate) => c.activeBriques.filter((b) => b.startedOn <= on);

export const renewalsLeft: TrajectoryRule = {
  code: 'renewals-exhausted',
  reason: (c) => `The programme ${c.programmeCode} allows ${c.programme?.renewals.count ?? 0} renewal(s) and ${c.measure?.renewalsUsed ?? 0} were used.`,
  requirement: 'The programme allows one more renewal.',
  holds: (c) => (c.measure?.renewalsUsed ?? 0) < (c.programme?.renewals.count ?? 0),
  reads: 'context',
};

/** The review a renewal rests on: the last bilan, or the final evaluation when renewing from it. */
export function recentReview(extra: (c: TrajectoryContext) => string | undefined = () => undefined, what = 'a bilan'): TrajectoryRule {
  return {
    code: 'bilan-required',
    reason: (c) =>
      `A renewal needs a bilan recorded in the last ${RENEWAL_BILAN_WINDOW_DAYS} days${c.lastBilanOn ? ` (the last one is from ${c.lastBilanOn})` : ' (there is none yet)'}: record a bilan first.`,
    requirement: `A renewal is dated within ${RENEWAL_BILAN_WINDOW_DAYS} days after ${what}.`,
    holds: (c, e) =>
      [c.lastBilanOn, extra(c)].some((on) => on !== undefined && on <= e.occurredAt && daysBetween(on, e.occurredAt) <= RENEWAL_BILAN_WINDOW_DAYS),
    reads: 'date',
  };
}

const briqueActive = (event: 'PointRecorded' | 'BriqueCompleted', then: string, satisfiable: TrajectoryRule['satisfiable']): TrajectoryRule => ({
  code: 'brique-not-active',
  reason: (_c, e) => `The brique ${dataOf(e, event).briqueCode} is not active${then}.`,
  requirement: 'It names an active brique.',
  holds: (c, e) => active(c, dataOf(e, event).briqueCode) !== undefined,
  satisfiable,
});

export const briquesRules = {
  canStartBrique: [
    notSuspended('resume it before starting a brique'),
    withinMeasure('a brique', 'renew the measure after a bilan to go on'),
    {
      code: 'brique-not-allowed',
      reason: (c, e) => `The programme ${c.programmeCode} does not allow the brique ${dataOf(e, 'BriqueStarted').code}.`,
      requirement: 'It names a brique the programme allows.',
      holds: (c, e) => c.programme?.allowedBriques.includes(dataOf(e, 'BriqueStarted').code) === true,
      satisfiable: (c) => startable(c).length > 0,
    },
    briqueAllowedInStage('briques'),
    {
      code: 'brique-already-active',
      reason: (_c, e) => `The brique ${dataOf(e, 'BriqueStarted').code} is already active.`,
      requirement: 'It names a brique that is not already active.',
      holds: (c, e) => active(c, dataOf(e, 'BriqueStarted').code) === undefined,
      satisfiable: (c) => startable(c).length > 0,
    },
  ],
  canRecordPoint: [
    notSuspended('no point is recorded until it resumes'),
    withinMeasure('a point', 'renew the measure after a bilan to go on, or withdraw'),
    briqueActive('PointRecorded', ': start it before recording a point on it', (c, on) => pointable(c, on).length > 0),
    {
      code: 'point-before-brique-start',
      reason: (c, e) => `The brique started on ${active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn}: a point cannot be dated before.`,
      requirement: 'A point is dated on or after the start of its brique.',
      holds: (c, e) => (active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn ?? '') <= e.occurredAt,
      satisfiable: (c, on) => pointable(c, on).length > 0,
    },
  ],
  canCompleteBrique: [briqueActive('BriqueCompleted', '', (c) => c.activeBriques.length > 0)],
  canRecordBilan: [
    {
      code: 'before-measure-start',
      reason: (c) => `The measure started on ${c.measure?.startsOn}: a bilan cannot be dated before.`,
      requirement: 'A bilan is dated on or after the measure started.',
      holds: (c, e) => (c.measure?.startsOn ?? '') <= e.occurredAt,
      reads: 'date',
    },
  ],
  canSuspend: [
    {
      code: 'already-suspended',
      reason: (c) => `The measure is already suspended since ${c.suspendedSince}.`,
      requirement: 'The measure is not suspended.',
      holds: (c) => c.suspendedSince === undefined,
      reads: 'context',
    },
  ],
  canResume: [
    { code: 'not-suspended', reason: 'The measure is not suspended.', requirement: 'The measure is suspended.', holds: (c) => c.suspendedSince !== undefined, reads: 'context' },
    {
      code: 'resume-before-suspension',
      reason: (c) => `The measure was suspended on ${c.suspendedSince}: it cannot resume before.`,
      requirement: 'A resumption is dated on or after the suspension.',
      holds: (c, e) => (c.suspendedSince ?? '') <= e.occurredAt,
      reads: 'date',
    },
  ],
  canRenew: [renewalsLeft, recentReview()],
  canStartEvaluation: [notSuspended('resume it before the final evaluation'), withinMeasure('the evaluation', 'renew the measure after a bilan, or withdraw')],
} satisfies TrajectoryRules;
