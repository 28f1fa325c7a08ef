/**
 * Every trajectory event: stable past-tense type strings, never renamed. Each event's data keeps
 * identifying and free-text fields in `data.personal` only (architecture §2, domain.md §8).
 */
import type { SaisineReceivedData } from './saisine-received.event';
import type { ReferentAssignedData } from './referent-assigned.event';
import type { FirstContactRecordedData } from './first-contact-recorded.event';
import type { SaisineReorientedData } from './saisine-reoriented.event';
import type { SaisineDeclinedData } from './saisine-declined.event';
import type { DiagnosticStepRecordedData } from './diagnostic-step-recorded.event';
import type { EvaluationGridRecordedData } from './evaluation-grid-recorded.event';
import type { DiagnosticConcludedData } from './diagnostic-concluded.event';
import type { ContractDraftedData } from './contract-drafted.event';
import type { ContractSignedData } from './contract-signed.event';
import type { ContractDeclinedData } from './contract-declined.event';
import type { MeasureStartedData } from './measure-started.event';
import type { BriqueStartedData } from './brique-started.event';
import type { PointRecordedData } from './point-recorded.event';
import type { BriqueCompletedData } from './brique-completed.event';
import type { BilanRecordedData } from './bilan-recorded.event';
import type { MeasureSuspendedData } from './measure-suspended.event';
import type { MeasureResumedData } from './measure-resumed.event';
import type { ReferentChangedData } from './referent-changed.event';
import type { MeasureRenewedData } from './measure-renewed.event';
import type { EvaluationStartedData } from './evaluation-started.event';
import type { FinalEvaluationRecordedData } from './final-evaluation-recorded.event';
import type { HandedOffData } from './handed-off.event';
import type { RelaisConfirmedData } from './relais-confirmed.event';
import type { VeilleStartedData } from './veille-started.event';
import type { VeilleVisitRecordedData } from './veille-visit-recorded.event';
import type { TrajectoryReopenedData } from './trajectory-reopened.event';
import type { VeilleEndedData } from './veille-ended.event';
import type { TrajectoryClosedData } from './trajectory-closed.event';
import type { TrajectoryWithdrawnData } from './trajectory-withdrawn.event';
import type { NoteRecordedData } from './note-recorded.event';

export * from './saisine-received.event';
export * from './referent-assigned.event';
export * from './first-contact-recorded.event';
export * from './saisine-reoriented.event';
export * from './saisine-declined.event';
export * from './diagnostic-step-recorded.event';
export * from './evaluation-grid-recorded.event';
export * from './diagnostic-concluded.event';
export * from './contract-drafted.event';
export * from './contract-signed.event';
export * from './contract-declined.event';
export * from './measure-started.event';
export * from './brique-started.event';
export * from './point-recorded.event';
export * from './brique-completed.event';
export * from './bilan-recorded.event';
export * from './measure-suspended.event';
export * from './measure-resumed.event';
export * from './referent-changed.event';
export * from './measure-renewed.event';
export * from './evaluation-started.event';
export * from './final-evaluation-recorded.event';
export * from './handed-off.event';
export * from './relais-confirmed.event';
export * from './veille-started.event';
export * from './veille-visit-recorded.event';
export * from './trajectory-reopened.event';
export * from './veille-ended.event';
export * from './trajectory-closed.event';
export * from './trajectory-withdrawn.event';
export * from './note-recorded.event';

export interface TrajectoryEventDataMap {
  SaisineReceived: SaisineReceivedData;
  ReferentAssigned: ReferentAssignedData;
  FirstContactRecorded: FirstContactRecordedData;
  SaisineReoriented: SaisineReorientedData;
  SaisineDeclined: SaisineDeclinedData;
  DiagnosticStepRecorded: DiagnosticStepRecordedData;
  EvaluationGridRecorded: EvaluationGridRecordedData;
  DiagnosticConcluded: DiagnosticConcludedData;
  ContractDrafted: ContractDraftedData;
  ContractSigned: ContractSignedData;
  ContractDeclined: ContractDeclinedData;
  MeasureStarted: MeasureStartedData;
  BriqueStarted: BriqueStartedData;
  PointRecorded: PointRecordedData;
  BriqueCompleted: BriqueCompletedData;
  BilanRecorded: BilanRecordedData;
  MeasureSuspended: MeasureSuspendedData;
  MeasureResumed: MeasureResumedData;
  ReferentChanged: ReferentChangedData;
  MeasureRenewed: MeasureRenewedData;
  EvaluationStarted: EvaluationStartedData;
  FinalEvaluationRecorded: FinalEvaluationRecordedData;
  HandedOff: HandedOffData;
  RelaisConfirmed: RelaisConfirmedData;
  VeilleStarted: VeilleStartedData;
  VeilleVisitRecorded: VeilleVisitRecordedData;
  TrajectoryReopened: TrajectoryReopenedData;
  VeilleEnded: VeilleEndedData;
  TrajectoryClosed: TrajectoryClosedData;
  TrajectoryWithdrawn: TrajectoryWithdrawnData;
  NoteRecorded: NoteRecordedData;
}

export type TrajectoryEventType = keyof TrajectoryEventDataMap;

export const TRAJECTORY_EVENT_TYPES: readonly TrajectoryEventType[] = [
  'SaisineReceived',
  'ReferentAssigned',
  'FirstContactRecorded',
  'SaisineReoriented',
  'SaisineDeclined',
  'DiagnosticStepRecorded',
  'EvaluationGridRecorded',
  'DiagnosticConcluded',
  'ContractDrafted',
  'ContractSigned',
  'ContractDeclined',
  'MeasureStarted',
  'BriqueStarted',
  'PointRecorded',
  'BriqueCompleted',
  'BilanRecorded',
  'MeasureSuspended',
  'MeasureResumed',
  'ReferentChanged',
  'MeasureRenewed',
  'EvaluationStarted',
  'FinalEvaluationRecorded',
  'HandedOff',
  'RelaisConfirmed',
  'VeilleStarted',
  'VeilleVisitRecorded',
  'TrajectoryReopened',
  'VeilleEnded',
  'TrajectoryClosed',
  'TrajectoryWithdrawn',
  'NoteRecorded',
];

/** Current schema version of every trajectory event type; a change comes with an upcaster. */
export const TRAJECTORY_EVENT_SCHEMA_VERSION = 1;

/** A trajectory event as a discriminated union on `type`. */
export type TrajectoryEvent = { [K in TrajectoryEventType]: { type: K; data: TrajectoryEventDataMap[K] } }[TrajectoryEventType];

/** What the machine receives: the event plus its business date from the envelope. */
export type TrajectoryMachineEvent = { [K in TrajectoryEventType]: { type: K; data: TrajectoryEventDataMap[K]; occurredAt: string } }[TrajectoryEventType];
