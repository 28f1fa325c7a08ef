import type { TrajectoryCommandPayloads, TrajectoryCommandType } from '../commands/trajectory-commands';
import { FULL_GRID } from './event-fixtures';

/** A command as a spec states it; `occurredAt` defaults to the date of the last given event. */
export interface WhenCommand<K extends TrajectoryCommandType = TrajectoryCommandType> {
  type: K;
  payload: unknown;
  occurredAt?: string;
}

type Overrides<K extends TrajectoryCommandType> = Partial<TrajectoryCommandPayloads[K]> & { occurredAt?: string };

function command<K extends TrajectoryCommandType>(type: K, defaults: TrajectoryCommandPayloads[K]) {
  return (overrides: Overrides<K> = {}): WhenCommand<K> => {
    const { occurredAt, ...payload } = overrides;
    return { type, payload: { ...defaults, ...payload }, ...(occurredAt ? { occurredAt } : {}) };
  };
}

/** Any command with a raw payload, to test invalid input. */
export function raw(type: string, payload: unknown, occurredAt?: string): WhenCommand {
  return { type: type as TrajectoryCommandType, payload, ...(occurredAt ? { occurredAt } : {}) };
}

export const receiveSaisine = command('receive-saisine', {
  programmeCode: 'asll-test',
  conventionId: 'conv-2026',
  prescriber: { kind: 'ccas', name: 'CCAS de Lyon' },
  motives: ['access'],
  household: { composition: 'single', childrenCount: 0, ageBand: '25-34', referenceGender: 'male', mainResources: 'salary' },
  personal: { household: { lastName: 'Durand', firstName: 'Paul', address: '1 rue de la Paix, Lyon' } },
});
export const assignReferent = command('assign-referent', { referentId: 'referent-2' });
export const recordFirstContact = command('record-first-contact', { mode: 'office' });
export const reorient = command('reorient', { orientation: { kind: 'siao', partnerName: 'SIAO 69' } });
export const decline = command('decline', {});
export const recordDiagnosticStep = command('record-diagnostic-step', { step: '1.1', status: 'done' });
export const recordEvaluationGrid = command('record-evaluation-grid', { ratings: FULL_GRID });
export const concludeDiagnostic = command('conclude-diagnostic', { outcome: 'propose-accompaniment', householdSigned: true });
export const draftContract = command('draft-contract', {
  measureType: 'ASLL',
  briques: ['2.1', '2.5'],
  meetingFrequency: 'monthly',
  occupancyStatus: 'direct-lease',
  objectives: [{ id: 'obj-1' }],
  personal: { objectives: [{ id: 'obj-1', text: 'Résorber la dette locative' }] },
});
export const signContract = command('sign-contract', { party: 'household' });
export const startBrique = command('start-brique', { code: '2.1' });
export const recordPoint = command('record-point', { briqueCode: '2.1', mode: 'home-visit', personal: { summary: 'Visite à domicile' } });
export const completeBrique = command('complete-brique', { briqueCode: '2.1', result: 'achieved' });
export const recordBilan = command('record-bilan', { personal: { summary: 'Bilan intermédiaire' } });
export const suspend = command('suspend', { reason: 'hospital' });
export const resume = command('resume', {});
export const changeReferent = command('change-referent', { referentId: 'referent-2', personal: { handOverNote: 'Suivi repris par Léa' } });
export const renew = command('renew', {});
export const startEvaluation = command('start-evaluation', {});
export const recordFinalEvaluation = command('record-final-evaluation', {
  ratings: FULL_GRID,
  objectives: [
    { id: 'obj-1', met: true },
    { id: 'obj-2', met: false },
  ],
  endReason: 'housed',
  householdSigned: true,
});
export const handOff = command('hand-off', { partner: { kind: 'ccas', partnerName: 'CCAS de Villeurbanne' } });
export const confirmRelais = command('confirm-relais', {});
export const startVeille = command('start-veille', {});
export const recordVeilleVisit = command('record-veille-visit', { mode: 'home-visit' });
export const reopen = command('reopen', {});
export const endVeille = command('end-veille', {});
export const close = command('close', {});
export const withdraw = command('withdraw', { orientation: { kind: 'ccas' } });
export const recordNote = command('record-note', { personal: { text: 'Appel du bailleur' } });
export const submitForValidation = command('submit-for-validation', {
  measureType: 'ASLL',
  briques: ['2.1', '2.5'],
  durationMonths: 6,
  summary: { axesNeedingSupport: ['savoir-louer', 'savoir-habiter'], occupancyStatus: 'direct-lease', urgency: 'standard' },
});
export const validateMeasure = command('validate-measure', { reason: 'criteria-met' });
export const rejectMeasure = command('reject-measure', { reason: 'another-measure-fits', orientation: { kind: 'fsl', partnerName: 'FSL du Rhône' } });
export const shareWithPartner = command('share-with-partner', {
  document: 'bilan',
  recipient: { kind: 'landlord', id: 'habitat-69', name: 'Habitat 69' },
  householdAgreedOn: '2026-05-02',
  freeTextAgreed: false,
  content: { rentSituation: 'repayment-plan', progress: 'on-track' },
  personal: { text: 'Le ménage tient son plan d’apurement.' },
});
