import type { Reducers } from './reducer';

/** Evaluation, relais, veille and every way of closing. */
export const afterMeasureReducers: Reducers = {
  FinalEvaluationRecorded: (c, d, on) => ({
    ...c,
    evaluation: {
      startedOn: c.evaluation?.startedOn ?? on,
      final: { on, ratings: d.ratings, objectives: d.objectives, endReason: d.endReason, householdSigned: d.householdSigned },
    },
  }),
  HandedOff: (c, d, on) => ({ ...c, relais: { partner: d.partner, handedOffOn: on } }),
  RelaisConfirmed: (c, _d, on) => ({
    ...c,
    relais: c.relais ? { ...c.relais, confirmedOn: on } : c.relais,
    closing: { kind: 'relais-confirmed', on, ...(c.evaluation?.final ? { endReason: c.evaluation.final.endReason } : {}) },
  }),
  VeilleStarted: (c, _d, on) => ({ ...c, veille: { startedOn: on, visits: 0 } }),
  VeilleVisitRecorded: (c, _d, on) => ({ ...c, veille: c.veille ? { ...c.veille, lastVisitOn: on, visits: c.veille.visits + 1 } : c.veille }),
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
  VeilleEnded: (c, d, on) => ({ ...c, closing: { kind: 'veille-ended', on, endReason: d.endReason, ...(d.orientation ? { orientation: d.orientation } : {}) } }),
  TrajectoryClosed: (c, d, on) => ({ ...c, closing: { kind: 'closed', on, endReason: d.endReason, ...(d.orientation ? { orientation: d.orientation } : {}) } }),
  TrajectoryWithdrawn: (c, d, on) => ({ ...c, closing: { kind: 'withdrawn', on, orientation: d.orientation } }),
  ReferentChanged: (c, d) => ({ ...c, referentId: d.referentId }),
  NoteRecorded: (c) => ({ ...c, notesCount: c.notesCount + 1 }),
};
