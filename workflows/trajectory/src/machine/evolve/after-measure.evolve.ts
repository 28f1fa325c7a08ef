import type { TrajectoryContext } from '../../trajectory-context';
import type { Reducers } from './reducer';

/**
 * Once the accompaniment is over (relais, veille, closed) nothing runs any more: no brique is active
 * and an open suspension ends that day, so caseloads and billing never see a closed file as running.
 */
function measureOver(c: TrajectoryContext, on: string): TrajectoryContext {
  return {
    ...c,
    activeBriques: [],
    suspendedSince: undefined,
    suspensionReason: undefined,
    suspensions: c.suspendedSince ? [...c.suspensions, { from: c.suspendedSince, to: on }] : c.suspensions,
  };
}

/** Evaluation, relais, veille and every way of closing. */
export const afterMeasureReducers: Reducers = {
  FinalEvaluationRecorded: (c, d, on) => ({
    ...c,
    evaluation: {
      startedOn: c.evaluation?.startedOn ?? on,
      final: { on, ratings: d.ratings, objectives: d.objectives, endReason: d.endReason, householdSigned: d.householdSigned },
    },
  }),
  HandedOff: (c, d, on) => ({ ...measureOver(c, on), relais: { partner: d.partner, ...(d.partnerId ? { partnerId: d.partnerId } : {}), handedOffOn: on } }),
  RelaisConfirmed: (c, _d, on) => ({
    ...measureOver(c, on),
    relais: c.relais ? { ...c.relais, confirmedOn: on } : c.relais,
    closing: { kind: 'relais-confirmed', on, ...(c.evaluation?.final ? { endReason: c.evaluation.final.endReason } : {}) },
  }),
  VeilleStarted: (c, _d, on) => ({ ...measureOver(c, on), veille: { startedOn: on, visits: 0 } }),
  // The latest visit's date, as for points and bilans: a back-dated visit never moves it back.
  VeilleVisitRecorded: (c, _d, on) => ({
    ...c,
    veille: c.veille ? { ...c.veille, lastVisitOn: c.veille.lastVisitOn && c.veille.lastVisitOn > on ? c.veille.lastVisitOn : on, visits: c.veille.visits + 1 } : c.veille,
  }),
  // "Droit au recommencement": a new diagnostic in the same trajectory; the earlier cycle stays in the events.
  TrajectoryReopened: (c, d, on) => ({
    ...c,
    cycle: d.cycle,
    diagnostic: { startedOn: on, steps: {} },
    contract: undefined,
    measure: undefined,
    activeBriques: [],
    lastBilanOn: undefined,
    bilansCount: 0,
    suspensions: [],
    evaluation: undefined,
    relais: undefined,
    veille: undefined,
  }),
  VeilleEnded: (c, d, on) => ({ ...measureOver(c, on), closing: { kind: 'veille-ended', on, endReason: d.endReason, ...(d.orientation ? { orientation: d.orientation } : {}) } }),
  TrajectoryClosed: (c, d, on) => ({ ...measureOver(c, on), closing: { kind: 'closed', on, endReason: d.endReason, ...(d.orientation ? { orientation: d.orientation } : {}) } }),
  TrajectoryWithdrawn: (c, d, on) => ({ ...measureOver(c, on), closing: { kind: 'withdrawn', on, orientation: d.orientation } }),
  ReferentChanged: (c, d) => ({ ...c, referentId: d.referentId }),
  NoteRecorded: (c) => ({ ...c, notesCount: c.notesCount + 1 }),
};
