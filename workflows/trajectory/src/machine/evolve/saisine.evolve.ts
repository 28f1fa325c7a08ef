import type { Reducers } from './reducer';

export const saisineReducers: Reducers = {
  SaisineReceived: (c, d, on) => ({
    ...c,
    workflowVersion: d.workflowVersion,
    openedOn: on,
    programme: d.programme,
    programmeCode: d.programme.code,
    conventionId: d.conventionId,
    ...(d.fields ? { saisineFields: d.fields } : {}),
    householdId: d.householdId,
    prescriber: d.prescriber,
    motives: d.motives,
    household: d.household,
  }),
  ReferentAssigned: (c, d) => ({ ...c, referentId: d.referentId }),
  FirstContactRecorded: (c, d, on) => ({ ...c, firstContact: { on, mode: d.mode }, diagnostic: { ...c.diagnostic, startedOn: on } }),
  SaisineReoriented: (c, d, on) => ({ ...c, closing: { kind: 'reoriented', on, orientation: d.orientation } }),
  SaisineDeclined: (c, d, on) => ({ ...c, closing: { kind: 'declined', on, ...(d.orientation ? { orientation: d.orientation } : {}) } }),
};
