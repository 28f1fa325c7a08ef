import { AssignReferentCommand, AssignReferentDto } from './assign-referent.command';
import { AssignReferentHandler } from './assign-referent.handler';
import { ChangeReferentCommand, ChangeReferentDto } from './change-referent.command';
import { ChangeReferentHandler } from './change-referent.handler';
import { CloseCommand, CloseDto } from './close.command';
import { CloseHandler } from './close.handler';
import { CompleteBriqueCommand, CompleteBriqueDto } from './complete-brique.command';
import { CompleteBriqueHandler } from './complete-brique.handler';
import { ConcludeDiagnosticCommand, ConcludeDiagnosticDto } from './conclude-diagnostic.command';
import { ConcludeDiagnosticHandler } from './conclude-diagnostic.handler';
import { ConfirmRelaisCommand, ConfirmRelaisDto } from './confirm-relais.command';
import { ConfirmRelaisHandler } from './confirm-relais.handler';
import { DeclineCommand, DeclineDto } from './decline.command';
import { DeclineHandler } from './decline.handler';
import { DraftContractCommand, DraftContractDto } from './draft-contract.command';
import { DraftContractHandler } from './draft-contract.handler';
import { EndVeilleCommand, EndVeilleDto } from './end-veille.command';
import { EndVeilleHandler } from './end-veille.handler';
import { HandOffCommand, HandOffDto } from './hand-off.command';
import { HandOffHandler } from './hand-off.handler';
import { ReceiveSaisineCommand, ReceiveSaisineDto } from './receive-saisine.command';
import { ReceiveSaisineHandler } from './receive-saisine.handler';
import { RecordBilanCommand, RecordBilanDto } from './record-bilan.command';
import { RecordBilanHandler } from './record-bilan.handler';
import { RecordDiagnosticStepCommand, RecordDiagnosticStepDto } from './record-diagnostic-step.command';
import { RecordDiagnosticStepHandler } from './record-diagnostic-step.handler';
import { RecordEvaluationGridCommand, RecordEvaluationGridDto } from './record-evaluation-grid.command';
import { RecordEvaluationGridHandler } from './record-evaluation-grid.handler';
import { RecordFinalEvaluationCommand, RecordFinalEvaluationDto } from './record-final-evaluation.command';
import { RecordFinalEvaluationHandler } from './record-final-evaluation.handler';
import { RecordFirstContactCommand, RecordFirstContactDto } from './record-first-contact.command';
import { RecordFirstContactHandler } from './record-first-contact.handler';
import { RecordNoteCommand, RecordNoteDto } from './record-note.command';
import { RecordNoteHandler } from './record-note.handler';
import { RecordPointCommand, RecordPointDto } from './record-point.command';
import { RecordPointHandler } from './record-point.handler';
import { RecordVeilleVisitCommand, RecordVeilleVisitDto } from './record-veille-visit.command';
import { RecordVeilleVisitHandler } from './record-veille-visit.handler';
import { RenewCommand, RenewDto } from './renew.command';
import { RenewHandler } from './renew.handler';
import { ReopenCommand, ReopenDto } from './reopen.command';
import { ReopenHandler } from './reopen.handler';
import { ReorientCommand, ReorientDto } from './reorient.command';
import { ReorientHandler } from './reorient.handler';
import { ResumeCommand, ResumeDto } from './resume.command';
import { ResumeHandler } from './resume.handler';
import { SignContractCommand, SignContractDto } from './sign-contract.command';
import { SignContractHandler } from './sign-contract.handler';
import { StartBriqueCommand, StartBriqueDto } from './start-brique.command';
import { StartBriqueHandler } from './start-brique.handler';
import { StartEvaluationCommand, StartEvaluationDto } from './start-evaluation.command';
import { StartEvaluationHandler } from './start-evaluation.handler';
import { StartVeilleCommand, StartVeilleDto } from './start-veille.command';
import { StartVeilleHandler } from './start-veille.handler';
import { SuspendCommand, SuspendDto } from './suspend.command';
import { SuspendHandler } from './suspend.handler';
import { WithdrawCommand, WithdrawDto } from './withdraw.command';
import { WithdrawHandler } from './withdraw.handler';
import type { CommandBaseDto } from '../dto/command-base.dto';
import type { TrajectoryCommandClass } from './trajectory-command';

/** One command as the HTTP layer offers it: its URL name, its body class and its CommandBus class. */
export interface CommandRoute {
  name: string;
  summary: string;
  description: string;
  dto: new () => CommandBaseDto;
  // never: each class fixes its own payload type; the controller hands it the validated body.
  command: TrajectoryCommandClass;
}

function route(command: TrajectoryCommandClass & { summary: string; description: string }, dto: new () => CommandBaseDto): CommandRoute {
  return { name: command.commandName, summary: command.summary, description: command.description, dto, command };
}

/** Every trajectory command, in the order of the domain (saisine to closing). */
export const COMMAND_ROUTES: readonly CommandRoute[] = [
  route(ReceiveSaisineCommand, ReceiveSaisineDto),
  route(AssignReferentCommand, AssignReferentDto),
  route(RecordFirstContactCommand, RecordFirstContactDto),
  route(ReorientCommand, ReorientDto),
  route(DeclineCommand, DeclineDto),
  route(RecordDiagnosticStepCommand, RecordDiagnosticStepDto),
  route(RecordEvaluationGridCommand, RecordEvaluationGridDto),
  route(ConcludeDiagnosticCommand, ConcludeDiagnosticDto),
  route(DraftContractCommand, DraftContractDto),
  route(SignContractCommand, SignContractDto),
  route(StartBriqueCommand, StartBriqueDto),
  route(RecordPointCommand, RecordPointDto),
  route(CompleteBriqueCommand, CompleteBriqueDto),
  route(RecordBilanCommand, RecordBilanDto),
  route(SuspendCommand, SuspendDto),
  route(ResumeCommand, ResumeDto),
  route(ChangeReferentCommand, ChangeReferentDto),
  route(RenewCommand, RenewDto),
  route(StartEvaluationCommand, StartEvaluationDto),
  route(RecordFinalEvaluationCommand, RecordFinalEvaluationDto),
  route(HandOffCommand, HandOffDto),
  route(ConfirmRelaisCommand, ConfirmRelaisDto),
  route(StartVeilleCommand, StartVeilleDto),
  route(RecordVeilleVisitCommand, RecordVeilleVisitDto),
  route(ReopenCommand, ReopenDto),
  route(EndVeilleCommand, EndVeilleDto),
  route(CloseCommand, CloseDto),
  route(WithdrawCommand, WithdrawDto),
  route(RecordNoteCommand, RecordNoteDto),
];

export const COMMAND_HANDLERS = [
  ReceiveSaisineHandler,
  AssignReferentHandler,
  RecordFirstContactHandler,
  ReorientHandler,
  DeclineHandler,
  RecordDiagnosticStepHandler,
  RecordEvaluationGridHandler,
  ConcludeDiagnosticHandler,
  DraftContractHandler,
  SignContractHandler,
  StartBriqueHandler,
  RecordPointHandler,
  CompleteBriqueHandler,
  RecordBilanHandler,
  SuspendHandler,
  ResumeHandler,
  ChangeReferentHandler,
  RenewHandler,
  StartEvaluationHandler,
  RecordFinalEvaluationHandler,
  HandOffHandler,
  ConfirmRelaisHandler,
  StartVeilleHandler,
  RecordVeilleVisitHandler,
  ReopenHandler,
  EndVeilleHandler,
  CloseHandler,
  WithdrawHandler,
  RecordNoteHandler,
];

const BY_NAME = new Map(COMMAND_ROUTES.map((r) => [r.name, r]));

export function commandRoute(name: string): CommandRoute | undefined {
  return BY_NAME.get(name);
}
