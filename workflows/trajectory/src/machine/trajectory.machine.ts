import { assign, setup } from 'xstate';
import { guardsFrom } from '../../../engine/src';
import type { TrajectoryMachineEvent } from '../events';
import { initialTrajectoryContext, type TrajectoryContext } from '../trajectory-context';
import { applyEvent } from './evolve/apply-event';
import type { TrajectoryRuleBook } from './trajectory-rules.v1';

export const TRAJECTORY_MACHINE_ID = 'trajectory';

const apply = 'apply' as const;
const toClosed = '#trajectory.closed';

/**
 * The trajectory of domain.md §2. Machine events are the domain events; every accepted transition
 * runs the one `apply` action (the pure reducers in ./evolve), and every refusal comes from a named
 * guard built from rules (./rules). No `after` delay: deadlines are data (architecture §4).
 *
 * The stage layout is shared by every version; a version differs by its rule book.
 *
 * `setup` is typed with the trajectory's events and the rule book's guard names, so a misspelt
 * event or guard fails to compile (see trajectory.machine.typecheck.spec.ts).
 */
export function createTrajectoryMachine(workflowVersion: number, rules: TrajectoryRuleBook) {
  return setup({
    types: { context: {} as TrajectoryContext, events: {} as TrajectoryMachineEvent },
    guards: guardsFrom(rules),
    actions: { apply: assign(({ context, event }) => applyEvent(context, event)) },
  }).createMachine({
    id: TRAJECTORY_MACHINE_ID,
    context: initialTrajectoryContext(workflowVersion),
    initial: 'new',
    states: {
      new: {
        on: { SaisineReceived: { target: 'open', actions: apply } },
      },
      open: {
        initial: 'saisine',
        on: {
          NoteRecorded: { actions: apply },
          DocumentShared: { guard: 'canShareWithPartner', actions: apply },
          MilestoneRecorded: { guard: 'canRecordMilestone', actions: apply },
          ReferentChanged: { guard: 'canChangeReferent', actions: apply },
          TrajectoryWithdrawn: { guard: 'canWithdraw', target: toClosed, actions: apply },
        },
        states: {
          saisine: {
            on: {
              ReferentAssigned: { guard: 'canAssignReferent', actions: apply },
              FirstContactRecorded: { guard: 'canRecordFirstContact', target: 'diagnostic', actions: apply },
              SaisineReoriented: { guard: 'canReorient', target: toClosed, actions: apply },
              SaisineDeclined: { target: toClosed, actions: apply },
            },
          },
          diagnostic: {
            on: {
              DiagnosticStepRecorded: { actions: apply },
              BriqueStarted: { guard: 'canStartBriqueInDiagnostic', actions: apply },
              PointRecorded: { guard: 'canRecordPointInDiagnostic', actions: apply },
              BriqueCompleted: { guard: 'canCompleteBriqueInDiagnostic', actions: apply },
              EvaluationGridRecorded: { actions: apply },
              DiagnosticConcluded: [
                { guard: 'concludeAutonomous', target: toClosed, actions: apply },
                { guard: 'concludeOrientExisting', target: 'relais', actions: apply },
                { guard: 'concludeProposeAccompaniment', target: 'contract', actions: apply },
              ],
            },
          },
          contract: {
            // The validation, where the programme requires one, is a visible sub-state of the contract.
            initial: 'drafting',
            on: {
              ContractDrafted: { guard: 'canDraftContract', actions: apply },
              MeasureScaleChosen: { guard: 'canChooseScale', actions: apply },
              BriqueStarted: { guard: 'canStartBriqueInContract', actions: apply },
              PointRecorded: { guard: 'canRecordPointInContract', actions: apply },
              BriqueCompleted: { guard: 'canCompleteBriqueInContract', actions: apply },
              ContractSigned: { guard: 'canSignContract', actions: apply },
              MeasureStarted: { guard: 'canStartMeasure', target: 'briques', actions: apply },
              ContractDeclined: { guard: 'canDeclineContract', target: toClosed, actions: apply },
            },
            states: {
              drafting: {
                on: { MeasureSubmittedForValidation: { guard: 'canSubmitForValidation', target: 'awaitingValidation', actions: apply } },
              },
              awaitingValidation: {
                on: {
                  MeasureValidated: { guard: 'canValidateMeasure', target: 'validated', actions: apply },
                  MeasureRejected: { guard: 'canRejectMeasure', target: 'drafting', actions: apply },
                },
              },
              validated: {},
            },
          },
          briques: {
            initial: 'active',
            on: {
              BriqueStarted: { guard: 'canStartBrique', actions: apply },
              PointRecorded: { guard: 'canRecordPoint', actions: apply },
              BriqueCompleted: { guard: 'canCompleteBrique', actions: apply },
              BilanRecorded: { guard: 'canRecordBilan', actions: apply },
              MeasureSuspended: { guard: 'canSuspend', target: '.suspended', actions: apply },
              MeasureResumed: { guard: 'canResume', target: '.active', actions: apply },
              MeasureRenewed: { guard: 'canRenew', actions: apply },
              MeasureScaleChosen: { guard: 'canChooseScale', actions: apply },
              EvaluationStarted: { guard: 'canStartEvaluation', target: 'evaluation', actions: apply },
            },
            states: {
              active: {},
              suspended: {},
            },
          },
          evaluation: {
            on: {
              FinalEvaluationRecorded: { guard: 'canRecordFinalEvaluation', actions: apply },
              MeasureScaleChosen: { guard: 'canChooseScale', actions: apply },
              MeasureRenewed: { guard: 'canRenewFromEvaluation', target: 'briques', actions: apply },
              HandedOff: { guard: 'canHandOff', target: 'relais', actions: apply },
              VeilleStarted: { guard: 'canStartVeille', target: 'veille', actions: apply },
              TrajectoryClosed: { guard: 'canClose', target: toClosed, actions: apply },
            },
          },
          relais: {
            on: {
              RelaisConfirmed: { target: toClosed, actions: apply },
              TrajectoryClosed: { guard: 'relaisConfirmedFirst' },
            },
          },
          veille: {
            on: {
              VeilleVisitRecorded: { actions: apply },
              TrajectoryReopened: { target: 'diagnostic', actions: apply },
              VeilleEnded: { guard: 'canEndVeille', target: toClosed, actions: apply },
            },
          },
        },
      },
      closed: { type: 'final' },
    },
  });
}

export type TrajectoryMachine = ReturnType<typeof createTrajectoryMachine>;
