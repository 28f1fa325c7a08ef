import type { Reducers } from './reducer';

export const diagnosticReducers: Reducers = {
  DiagnosticStepRecorded: (c, d) => ({ ...c, diagnostic: { ...c.diagnostic, steps: { ...c.diagnostic.steps, [d.step]: d.status } } }),
  EvaluationGridRecorded: (c, d, on) => ({ ...c, diagnostic: { ...c.diagnostic, grid: { recordedOn: on, ratings: d.ratings } } }),
  DiagnosticConcluded: (c, d, on) => {
    const next = { ...c, diagnostic: { ...c.diagnostic, concluded: { on, outcome: d.outcome, householdSigned: d.householdSigned } } };
    if (d.outcome === 'autonomous') return { ...next, closing: { kind: 'diagnostic-autonomous', on, endReason: 'autonomous' } };
    if (d.outcome === 'orient-existing' && d.relaisPartner) return { ...next, relais: { partner: d.relaisPartner, handedOffOn: on } };
    return next;
  },
};
