import type { CommandHandler } from '../../../engine/src';
import type { TrajectoryContext } from '../trajectory-context';
import type { TrajectoryDeps } from '../trajectory.workflow';
import type { TrajectoryCommandType } from './command-payloads';
import { receiveSaisine } from './receive-saisine.command';
import { assignReferent } from './assign-referent.command';
import { recordFirstContact } from './record-first-contact.command';
import { reorient } from './reorient.command';
import { decline } from './decline.command';
import { recordDiagnosticStep } from './record-diagnostic-step.command';
import { recordEvaluationGrid } from './record-evaluation-grid.command';
import { concludeDiagnostic } from './conclude-diagnostic.command';
import { draftContract } from './draft-contract.command';
import { signContract } from './sign-contract.command';
import { startBrique } from './start-brique.command';
import { recordPoint } from './record-point.command';
import { completeBrique } from './complete-brique.command';
import { recordBilan } from './record-bilan.command';
import { suspend } from './suspend.command';
import { resume } from './resume.command';
import { changeReferent } from './change-referent.command';
import { renew } from './renew.command';
import { startEvaluation } from './start-evaluation.command';
import { recordFinalEvaluation } from './record-final-evaluation.command';
import { handOff } from './hand-off.command';
import { confirmRelais } from './confirm-relais.command';
import { startVeille } from './start-veille.command';
import { recordVeilleVisit } from './record-veille-visit.command';
import { reopen } from './reopen.command';
import { endVeille } from './end-veille.command';
import { close } from './close.command';
import { withdraw } from './withdraw.command';
import { recordNote } from './record-note.command';
import { toHandler, type TrajectoryCommandSpec } from './support/trajectory-command';

/** Every command, by its kebab-case name. */
export const TRAJECTORY_COMMAND_SPECS: { [K in TrajectoryCommandType]: TrajectoryCommandSpec<K> } = {
  'receive-saisine': receiveSaisine,
  'assign-referent': assignReferent,
  'record-first-contact': recordFirstContact,
  'reorient': reorient,
  'decline': decline,
  'record-diagnostic-step': recordDiagnosticStep,
  'record-evaluation-grid': recordEvaluationGrid,
  'conclude-diagnostic': concludeDiagnostic,
  'draft-contract': draftContract,
  'sign-contract': signContract,
  'start-brique': startBrique,
  'record-point': recordPoint,
  'complete-brique': completeBrique,
  'record-bilan': recordBilan,
  'suspend': suspend,
  'resume': resume,
  'change-referent': changeReferent,
  'renew': renew,
  'start-evaluation': startEvaluation,
  'record-final-evaluation': recordFinalEvaluation,
  'hand-off': handOff,
  'confirm-relais': confirmRelais,
  'start-veille': startVeille,
  'record-veille-visit': recordVeilleVisit,
  'reopen': reopen,
  'end-veille': endVeille,
  'close': close,
  'withdraw': withdraw,
  'record-note': recordNote,
};

export function trajectoryCommandHandlers(deps: TrajectoryDeps): Record<TrajectoryCommandType, CommandHandler<TrajectoryContext>> {
  const handlers = {} as Record<TrajectoryCommandType, CommandHandler<TrajectoryContext>>;
  for (const name of Object.keys(TRAJECTORY_COMMAND_SPECS) as TrajectoryCommandType[]) {
    handlers[name] = toHandler(TRAJECTORY_COMMAND_SPECS[name] as TrajectoryCommandSpec<typeof name>, deps);
  }
  return handlers;
}
