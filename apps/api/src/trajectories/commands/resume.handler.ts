import { CommandHandler } from '@nestjs/cqrs';
import { ResumeCommand } from './resume.command';
import { TrajectoryCommandHandler } from './trajectory-command.handler';

@CommandHandler(ResumeCommand)
export class ResumeHandler extends TrajectoryCommandHandler<ResumeCommand> {}
