import { type BriqueStage, stagesOfBrique } from '../../../../programmes/src';
import type { TrajectoryContext } from '../../trajectory-context';
import { dataOf, type TrajectoryRule, type TrajectoryRules } from './trajectory-rule';

const STAGE_WORDS: Record<BriqueStage, string> = { diagnostic: 'the diagnostic', contract: 'the contract stage', briques: 'the measure' };
const active = (c: TrajectoryContext, code: string) => c.activeBriques.find((b) => b.code === code);
/** Briques the programme lets start in this stage that are not running. */
const startableIn = (c: TrajectoryContext, stage: BriqueStage) =>
  (c.programme?.allowedBriques ?? []).filter((code) => active(c, code) === undefined && stagesOfBrique(c.programme, code).includes(stage));

/** The programme lets this brique run in this stage (domain.md §2: some support starts before the contract or the lease). */
export function briqueAllowedInStage(stage: BriqueStage): TrajectoryRule {
  return {
    code: 'brique-not-allowed-in-stage',
    reason: (c, e) => {
      const code = dataOf(e, 'BriqueStarted').code;
      return `The programme ${c.programmeCode} does not run the brique ${code} during ${STAGE_WORDS[stage]} (it runs during ${stagesOfBrique(c.programme, code).map((s) => STAGE_WORDS[s]).join(', ')}).`;
    },
    requirement: `It names a brique the programme runs during ${STAGE_WORDS[stage]} (briqueStages; by default briques run during the measure only).`,
    holds: (c, e) => stagesOfBrique(c.programme, dataOf(e, 'BriqueStarted').code).includes(stage),
    satisfiable: (c) => startableIn(c, stage).length > 0,
  };
}

/**
 * Starting, pointing and completing a brique before the measure, in a stage the programme names for it
 * (`briqueStages`). A trajectory whose terms name no stage has no such brique: its replay is unchanged.
 */
function earlyBriqueRules(stage: 'diagnostic' | 'contract') {
  const notActive = (event: 'PointRecorded' | 'BriqueCompleted'): TrajectoryRule => ({
    code: 'brique-not-active',
    reason: (_c, e) => `The brique ${dataOf(e, event).briqueCode} is not active.`,
    requirement: 'It names an active brique.',
    holds: (c, e) => active(c, dataOf(e, event).briqueCode) !== undefined,
    satisfiable: (c, on) => c.activeBriques.some((b) => event === 'BriqueCompleted' || b.startedOn <= on),
  });
  return {
    start: [
      {
        code: 'brique-not-allowed',
        reason: (c, e) => `The programme ${c.programmeCode} does not allow the brique ${dataOf(e, 'BriqueStarted').code}.`,
        requirement: 'It names a brique the programme allows.',
        holds: (c, e) => c.programme?.allowedBriques.includes(dataOf(e, 'BriqueStarted').code) === true,
        satisfiable: (c) => startableIn(c, stage).length > 0,
      },
      briqueAllowedInStage(stage),
      {
        code: 'brique-already-active',
        reason: (_c, e) => `The brique ${dataOf(e, 'BriqueStarted').code} is already active.`,
        requirement: 'It names a brique that is not already active.',
        holds: (c, e) => active(c, dataOf(e, 'BriqueStarted').code) === undefined,
        satisfiable: (c) => startableIn(c, stage).length > 0,
      },
    ] satisfies TrajectoryRule[],
    point: [
      notActive('PointRecorded'),
      {
        code: 'point-before-brique-start',
        reason: (c, e) => `The brique started on ${active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn}: a point cannot be dated before.`,
        requirement: 'A point is dated on or after the start of its brique.',
        holds: (c, e) => (active(c, dataOf(e, 'PointRecorded').briqueCode)?.startedOn ?? '') <= e.occurredAt,
        satisfiable: (c, on) => c.activeBriques.some((b) => b.startedOn <= on),
      },
    ] satisfies TrajectoryRule[],
    complete: [notActive('BriqueCompleted')] satisfies TrajectoryRule[],
  };
}

const diagnostic = earlyBriqueRules('diagnostic');
const contract = earlyBriqueRules('contract');

export const earlyBriquesRules = {
  canStartBriqueInDiagnostic: diagnostic.start,
  canRecordPointInDiagnostic: diagnostic.point,
  canCompleteBriqueInDiagnostic: diagnostic.complete,
  canStartBriqueInContract: contract.start,
  canRecordPointInContract: contract.point,
  canCompleteBriqueInContract: contract.complete,
} satisfies TrajectoryRules;
