import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DIAGNOSTIC_STEPS, type DiagnosticStep, type RecordDiagnosticStepPayload, STEP_STATUSES, type StepStatus } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record a diagnostic step. Bricks 1.1-1.5, done or skipped because already done. */
export class RecordDiagnosticStepDto extends CommandBaseDto implements RecordDiagnosticStepPayload {
  @ApiProperty({ enum: DIAGNOSTIC_STEPS, example: '1.1' })
  @IsIn(DIAGNOSTIC_STEPS)
  step!: DiagnosticStep;

  @ApiProperty({ enum: STEP_STATUSES, example: 'done' })
  @IsIn(STEP_STATUSES)
  status!: StepStatus;

  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class RecordDiagnosticStepCommand extends TrajectoryCommand<RecordDiagnosticStepPayload> {
  static readonly commandName = 'record-diagnostic-step';
  static readonly summary = 'Record a diagnostic step';
  static readonly description = 'Bricks 1.1-1.5, done or skipped because already done.';
}
