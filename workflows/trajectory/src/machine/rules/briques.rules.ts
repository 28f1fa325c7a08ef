import { daysBetween } from '../../../../../libs/domain/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { dataOf, notSuspended, type TrajectoryRule, type TrajectoryRuleBook } from './trajectory-rule';

/** domain.md §2: a renewal needs a bilan recorded in the last 30 days. */
export const RENEWAL_BILAN_WINDOW_DAYS = 30;

const active = (c: TrajectoryContext, code: string) => c.activeBriques.find((b) => b.code === code);

export const renewalsLeft: TrajectoryRule = {
  code: 'renewals-exhausted',
  reason: (c) => `The programme ${c.programmeCode} allows ${c.programme?.renewals.count ?? 0} renewal(s) and ${c.measure?.renewalsUsed ?? 0} were used.`,
  holds: (c) => (c.measure?.renewalsUsed ?? 0) < (c.programme?.renewals.count ?? 0),
  contextOnly: true,
};

/** The review a renewal rests on: the last bilan, or the final evaluation when renewing from it. */
export function recentReview(extra: (c: TrajectoryContext) => string | undefined = () => undefined): TrajectoryRule {
  return {
    code: 'bilan-required',
    reason: (c) =>
      `A renewal needs a bilan recorded in the last ${RENEWAL_BILAN_WINDOW_DAYS} days${c.lastBilanOn ? ` (the last one is from ${c.lastBilanOn})` : ' (there is none yet)'}: record a bilan first.`,
    holds: (c, e) =>
      [c.lastBilanOn, extra(c)].some((on) => on !== undefined && on <= e.occurredAt && daysBetween(on, e.occurredAt) <= RENEWAL_BILAN_WINDOW_DAYS),
  };
}

export const briquesRules: TrajectoryRuleBook = {
  canStartBrique: [
    { ...notSuspended, reason: (c) => `The measure is suspended since ${c.suspendedSince}: resume it before starting a brique.` },
    {
      code: 'brique-not-allowed',
      reason: (c, e) => `The programme ${c.programmeCode} does not allow the brique ${dataOf(e, 'BriqueStarted').code}.`,
      holds: (c, e) => c.programme?.allowedBriques.includes(dataOf(e, 'BriqueStarted').code) === true,
    },
    {
      code: 'brique-already-active',
      reason: (_c, e) => `The brique ${dataOf(e, 'BriqueStarted').code} is already active.`,
      holds: (c, e) => active(c, dataOf(e, 'BriqueStarted').code) === undefined,
    },
  ],
  canRecordPoint: [
    { ...notSuspended, reason: (c) => `The measure is suspended since ${c.suspendedSince}: no point is recorded until it resumes.` },
    {
      code: 'brique-not-active',
      reason: (_c, e) => `The brique ${dataOf(e, 'PointRecorded').briqueCode} is not active: start it before recording a point on it.`,
      holds: (c, e) => active(c, dataOf(e, 'PointRecorded').briqueCode) !== undefined,
    },
    {
      code: 'point-before-brique-start',
      reason: (c, e) => `The brique started on ${active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn}: a point cannot be dated before.`,
      holds: (c, e) => (active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn ?? '') <= e.occurredAt,
    },
  ],
  canCompleteBrique: [
    {
      code: 'brique-not-active',
      reason: (_c, e) => `The brique ${dataOf(e, 'BriqueCompleted').briqueCode} is not active.`,
      holds: (c, e) => active(c, dataOf(e, 'BriqueCompleted').briqueCode) !== undefined,
    },
  ],
  canRecordBilan: [
    {
      code: 'before-measure-start',
      reason: (c) => `The measure started on ${c.measure?.startsOn}: a bilan cannot be dated before.`,
      holds: (c, e) => (c.measure?.startsOn ?? '') <= e.occurredAt,
    },
  ],
  canSuspend: [{ code: 'already-suspended', reason: (c) => `The measure is already suspended since ${c.suspendedSince}.`, holds: (c) => c.suspendedSince === undefined, contextOnly: true }],
  canResume: [
    { code: 'not-suspended', reason: 'The measure is not suspended.', holds: (c) => c.suspendedSince !== undefined, contextOnly: true },
    {
      code: 'resume-before-suspension',
      reason: (c) => `The measure was suspended on ${c.suspendedSince}: it cannot resume before.`,
      holds: (c, e) => (c.suspendedSince ?? '') <= e.occurredAt,
    },
  ],
  canRenew: [renewalsLeft, recentReview()],
  canStartEvaluation: [
    { ...notSuspended, reason: (c) => `The measure is suspended since ${c.suspendedSince}: resume it before the final evaluation.` },
    {
      code: 'measure-ended',
      reason: (c) => `The measure ended on ${c.measure?.endsOn}: the evaluation starts at or before the measure's end (renew it after a bilan, or withdraw).`,
      holds: (c, e) => c.measure !== undefined && e.occurredAt <= c.measure.endsOn,
    },
  ],
};
