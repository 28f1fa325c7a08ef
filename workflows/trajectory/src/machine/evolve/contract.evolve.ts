import type { ContractParty } from '../../vocabulary/trajectory-terms';
import type { Reducers } from './reducer';

export const contractReducers: Reducers = {
  // A redraft voids earlier signatures: people sign a text, not a trajectory.
  ContractDrafted: (c, d, on) => {
    const requiredParties: ContractParty[] = d.landlord ? ['household', 'referent', 'landlord'] : ['household', 'referent'];
    return {
      ...c,
      conventionId: d.conventionId,
      contract: {
        draftedOn: on,
        measureType: d.measureType,
        briques: d.briques,
        durationMonths: d.durationMonths,
        bilanEveryMonths: d.bilanEveryMonths,
        meetingFrequency: d.meetingFrequency,
        occupancyStatus: d.occupancyStatus,
        ...(d.landlord ? { landlord: d.landlord } : {}),
        conventionId: d.conventionId,
        ...(d.scale ? { scale: d.scale } : {}),
        objectives: d.objectives,
        requiredParties,
        signatures: {},
      },
    };
  },
  MeasureSubmittedForValidation: (c, d, on) => ({
    ...c,
    validation: {
      status: 'awaiting',
      validatorId: d.validatorId,
      validatorKind: d.validatorKind,
      submittedOn: on,
      submissions: (c.validation?.submissions ?? 0) + 1,
      submission: d.submission,
    },
  }),
  MeasureValidated: (c, d, on) =>
    c.validation ? { ...c, validation: { ...c.validation, status: 'validated', decidedOn: on, ...(d.writtenDecision ? { writtenDecision: d.writtenDecision } : {}) } } : c,
  MeasureRejected: (c, d, on) =>
    c.validation
      ? {
          ...c,
          validation: {
            ...c.validation,
            status: 'rejected',
            decidedOn: on,
            rejection: { reason: d.reason, orientation: d.orientation },
            ...(d.writtenDecision ? { writtenDecision: d.writtenDecision } : {}),
          },
        }
      : c,
  MeasureScaleChosen: (c, d) => (c.contract ? { ...c, contract: { ...c.contract, scale: d.scale } } : c),
  ContractSigned: (c, d, on) => (c.contract ? { ...c, contract: { ...c.contract, signatures: { ...c.contract.signatures, [d.party]: on } } } : c),
  ContractDeclined: (c, d, on) => ({ ...c, closing: { kind: 'declined', on, orientation: d.orientation } }),
  MeasureStarted: (c, d) => ({
    ...c,
    measure: { startsOn: d.startsOn, endsOn: d.endsOn, measureType: d.measureType, renewalsUsed: 0 },
    lastBilanOn: undefined,
    bilansCount: 0,
    suspensions: [],
  }),
};
