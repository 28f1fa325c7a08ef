/** The trajectory's commands (kebab-case, exactly as the HTTP layer exposes them) and their payloads. */
import type { ReceiveSaisinePayload } from './receive-saisine.command';
import type { AssignReferentPayload } from './assign-referent.command';
import type { RecordFirstContactPayload } from './record-first-contact.command';
import type { ReorientPayload } from './reorient.command';
import type { DeclinePayload } from './decline.command';
import type { RecordDiagnosticStepPayload } from './record-diagnostic-step.command';
import type { RecordEvaluationGridPayload } from './record-evaluation-grid.command';
import type { ConcludeDiagnosticPayload } from './conclude-diagnostic.command';
import type { DraftContractPayload } from './draft-contract.command';
import type { SignContractPayload } from './sign-contract.command';
import type { StartBriquePayload } from './start-brique.command';
import type { RecordPointPayload } from './record-point.command';
import type { CompleteBriquePayload } from './complete-brique.command';
import type { RecordBilanPayload } from './record-bilan.command';
import type { SuspendPayload } from './suspend.command';
import type { ResumePayload } from './resume.command';
import type { ChangeReferentPayload } from './change-referent.command';
import type { RenewPayload } from './renew.command';
import type { StartEvaluationPayload } from './start-evaluation.command';
import type { RecordFinalEvaluationPayload } from './record-final-evaluation.command';
import type { HandOffPayload } from './hand-off.command';
import type { ConfirmRelaisPayload } from './confirm-relais.command';
import type { StartVeillePayload } from './start-veille.command';
import type { RecordVeilleVisitPayload } from './record-veille-visit.command';
import type { ReopenPayload } from './reopen.command';
import type { EndVeillePayload } from './end-veille.command';
import type { ClosePayload } from './close.command';
import type { WithdrawPayload } from './withdraw.command';
import type { RecordNotePayload } from './record-note.command';

export type { ReceiveSaisinePayload } from './receive-saisine.command';
export type { AssignReferentPayload } from './assign-referent.command';
export type { RecordFirstContactPayload } from './record-first-contact.command';
export type { ReorientPayload } from './reorient.command';
export type { DeclinePayload } from './decline.command';
export type { RecordDiagnosticStepPayload } from './record-diagnostic-step.command';
export type { RecordEvaluationGridPayload } from './record-evaluation-grid.command';
export type { ConcludeDiagnosticPayload } from './conclude-diagnostic.command';
export type { DraftContractPayload } from './draft-contract.command';
export type { SignContractPayload } from './sign-contract.command';
export type { StartBriquePayload } from './start-brique.command';
export type { RecordPointPayload } from './record-point.command';
export type { CompleteBriquePayload } from './complete-brique.command';
export type { RecordBilanPayload } from './record-bilan.command';
export type { SuspendPayload } from './suspend.command';
export type { ResumePayload } from './resume.command';
export type { ChangeReferentPayload } from './change-referent.command';
export type { RenewPayload } from './renew.command';
export type { StartEvaluationPayload } from './start-evaluation.command';
export type { RecordFinalEvaluationPayload } from './record-final-evaluation.command';
export type { HandOffPayload } from './hand-off.command';
export type { ConfirmRelaisPayload } from './confirm-relais.command';
export type { StartVeillePayload } from './start-veille.command';
export type { RecordVeilleVisitPayload } from './record-veille-visit.command';
export type { ReopenPayload } from './reopen.command';
export type { EndVeillePayload } from './end-veille.command';
export type { ClosePayload } from './close.command';
export type { WithdrawPayload } from './withdraw.command';
export type { RecordNotePayload } from './record-note.command';

export interface TrajectoryCommandPayloads {
  'receive-saisine': ReceiveSaisinePayload;
  'assign-referent': AssignReferentPayload;
  'record-first-contact': RecordFirstContactPayload;
  'reorient': ReorientPayload;
  'decline': DeclinePayload;
  'record-diagnostic-step': RecordDiagnosticStepPayload;
  'record-evaluation-grid': RecordEvaluationGridPayload;
  'conclude-diagnostic': ConcludeDiagnosticPayload;
  'draft-contract': DraftContractPayload;
  'sign-contract': SignContractPayload;
  'start-brique': StartBriquePayload;
  'record-point': RecordPointPayload;
  'complete-brique': CompleteBriquePayload;
  'record-bilan': RecordBilanPayload;
  'suspend': SuspendPayload;
  'resume': ResumePayload;
  'change-referent': ChangeReferentPayload;
  'renew': RenewPayload;
  'start-evaluation': StartEvaluationPayload;
  'record-final-evaluation': RecordFinalEvaluationPayload;
  'hand-off': HandOffPayload;
  'confirm-relais': ConfirmRelaisPayload;
  'start-veille': StartVeillePayload;
  'record-veille-visit': RecordVeilleVisitPayload;
  'reopen': ReopenPayload;
  'end-veille': EndVeillePayload;
  'close': ClosePayload;
  'withdraw': WithdrawPayload;
  'record-note': RecordNotePayload;
}

export type TrajectoryCommandType = keyof TrajectoryCommandPayloads;

export const TRAJECTORY_COMMANDS: readonly TrajectoryCommandType[] = [
  'receive-saisine',
  'assign-referent',
  'record-first-contact',
  'reorient',
  'decline',
  'record-diagnostic-step',
  'record-evaluation-grid',
  'conclude-diagnostic',
  'draft-contract',
  'sign-contract',
  'start-brique',
  'record-point',
  'complete-brique',
  'record-bilan',
  'suspend',
  'resume',
  'change-referent',
  'renew',
  'start-evaluation',
  'record-final-evaluation',
  'hand-off',
  'confirm-relais',
  'start-veille',
  'record-veille-visit',
  'reopen',
  'end-veille',
  'close',
  'withdraw',
  'record-note',
];

/** A command as a discriminated union on `type`. */
export type TrajectoryCommand = { [K in TrajectoryCommandType]: { type: K; payload: TrajectoryCommandPayloads[K] } }[TrajectoryCommandType];
