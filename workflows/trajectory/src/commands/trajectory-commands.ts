import type { CommandHandler, Infer } from '../../../engine/src';
import type { TrajectoryContext } from '../trajectory-context';
import type { TrajectoryDeps } from '../trajectory-deps';
import { assignReferent } from './assign-referent.command';
import { changeReferent } from './change-referent.command';
import { chooseScale } from './choose-scale.command';
import { close } from './close.command';
import { completeBrique } from './complete-brique.command';
import { concludeDiagnostic } from './conclude-diagnostic.command';
import { confirmRelais } from './confirm-relais.command';
import { decline } from './decline.command';
import { draftContract } from './draft-contract.command';
import { endVeille } from './end-veille.command';
import { handOff } from './hand-off.command';
import { receiveSaisine } from './receive-saisine.command';
import { recordBilan } from './record-bilan.command';
import { recordDiagnosticStep } from './record-diagnostic-step.command';
import { recordEvaluationGrid } from './record-evaluation-grid.command';
import { recordFinalEvaluation } from './record-final-evaluation.command';
import { recordFirstContact } from './record-first-contact.command';
import { recordNote } from './record-note.command';
import { recordMilestone } from './record-milestone.command';
import { recordPoint } from './record-point.command';
import { recordVeilleVisit } from './record-veille-visit.command';
import { renew } from './renew.command';
import { reopen } from './reopen.command';
import { reorient } from './reorient.command';
import { resume } from './resume.command';
import { rejectMeasure } from './reject-measure.command';
import { shareWithPartner } from './share-with-partner.command';
import { signContract } from './sign-contract.command';
import { submitForValidation } from './submit-for-validation.command';
import { validateMeasure } from './validate-measure.command';
import { startBrique } from './start-brique.command';
import { startEvaluation } from './start-evaluation.command';
import { startVeille } from './start-veille.command';
import { suspend } from './suspend.command';
import { toHandler, type TrajectoryCommandDefinition } from './support/trajectory-command';

export type { TrajectoryCommandDefinition } from './support/trajectory-command';
import { withdraw } from './withdraw.command';

/**
 * Every trajectory command, in the order of the domain (saisine to closing). The one list: the
 * command names, payload types, event types, API routes, OpenAPI paths and GET /commands all come
 * from it.
 */
export const TRAJECTORY_COMMAND_DEFINITIONS = [
  receiveSaisine,
  assignReferent,
  recordFirstContact,
  reorient,
  decline,
  recordDiagnosticStep,
  recordEvaluationGrid,
  concludeDiagnostic,
  submitForValidation,
  validateMeasure,
  rejectMeasure,
  draftContract,
  chooseScale,
  signContract,
  startBrique,
  recordPoint,
  completeBrique,
  recordBilan,
  shareWithPartner,
  suspend,
  resume,
  changeReferent,
  renew,
  startEvaluation,
  recordFinalEvaluation,
  handOff,
  confirmRelais,
  startVeille,
  recordVeilleVisit,
  reopen,
  endVeille,
  close,
  withdraw,
  recordNote,
  recordMilestone,
] as const;

type AnyDefinition = (typeof TRAJECTORY_COMMAND_DEFINITIONS)[number];

/** The trajectory's commands (kebab-case, exactly as the HTTP layer exposes them). */
export type TrajectoryCommandType = AnyDefinition['name'];
export type TrajectoryCommandPayloads = { [D in AnyDefinition as D['name']]: Infer<D['payload']> };
/** A command as a discriminated union on `type`. */
export type TrajectoryCommand = { [K in TrajectoryCommandType]: { type: K; payload: TrajectoryCommandPayloads[K] } }[TrajectoryCommandType];
/** Every event definition a command lists, for events/index.ts to derive the event types from. */
export type ProducedEventDefinition = AnyDefinition['produces'][number];

export const TRAJECTORY_COMMANDS: readonly TrajectoryCommandType[] = TRAJECTORY_COMMAND_DEFINITIONS.map((d) => d.name);

/** The one command that opens a trajectory (POST /trajectories); the others run on one. */
export const OPENING_COMMAND = receiveSaisine.name;

const BY_NAME = new Map<string, TrajectoryCommandDefinition>(TRAJECTORY_COMMAND_DEFINITIONS.map((d) => [d.name, d as TrajectoryCommandDefinition]));

export function trajectoryCommandDefinition(name: string): TrajectoryCommandDefinition | undefined {
  return BY_NAME.get(name);
}

export function trajectoryCommandHandlers(deps: TrajectoryDeps): Record<TrajectoryCommandType, CommandHandler<TrajectoryContext>> {
  return Object.fromEntries(TRAJECTORY_COMMAND_DEFINITIONS.map((d) => [d.name, toHandler(d as TrajectoryCommandDefinition, deps)])) as Record<
    TrajectoryCommandType,
    CommandHandler<TrajectoryContext>
  >;
}
