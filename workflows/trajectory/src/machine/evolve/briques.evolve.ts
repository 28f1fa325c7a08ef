import type { Reducers } from './reducer';

export const briquesReducers: Reducers = {
  BriqueStarted: (c, d, on) => ({ ...c, activeBriques: [...c.activeBriques, { code: d.code, group: d.group, cadence: d.cadence, startedOn: on, points: 0 }] }),
  PointRecorded: (c, d, on) => ({
    ...c,
    activeBriques: c.activeBriques.map((b) => (b.code === d.briqueCode ? { ...b, lastPointOn: b.lastPointOn && b.lastPointOn > on ? b.lastPointOn : on, points: b.points + 1 } : b)),
  }),
  BriqueCompleted: (c, d, on) => {
    const brique = c.activeBriques.find((b) => b.code === d.briqueCode);
    if (!brique) return c;
    return {
      ...c,
      activeBriques: c.activeBriques.filter((b) => b.code !== d.briqueCode),
      completedBriques: [...c.completedBriques, { code: brique.code, startedOn: brique.startedOn, completedOn: on, result: d.result, points: brique.points }],
    };
  },
  MilestoneRecorded: (c, d, on) => ({ ...c, milestones: { ...(c.milestones ?? {}), [d.code]: on } }),
  BilanRecorded: (c, _d, on) => ({ ...c, lastBilanOn: c.lastBilanOn && c.lastBilanOn > on ? c.lastBilanOn : on, bilansCount: c.bilansCount + 1 }),
  MeasureSuspended: (c, d, on) => ({ ...c, suspendedSince: on, suspensionReason: d.reason }),
  MeasureResumed: (c, _d, on) => ({
    ...c,
    suspendedSince: undefined,
    suspensionReason: undefined,
    suspensions: c.suspendedSince ? [...c.suspensions, { from: c.suspendedSince, to: on }] : c.suspensions,
  }),
  MeasureRenewed: (c, d) => ({
    ...c,
    measure: c.measure ? { ...c.measure, endsOn: d.endsOn, renewalsUsed: c.measure.renewalsUsed + 1 } : c.measure,
    // Renewing from the evaluation goes back to briques: the next evaluation is a new one.
    evaluation: undefined,
  }),
  EvaluationStarted: (c, _d, on) => ({ ...c, evaluation: { startedOn: on } }),
};
