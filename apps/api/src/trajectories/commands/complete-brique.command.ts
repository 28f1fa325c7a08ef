import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { BRIQUE_RESULTS, type BriqueResult, type CompleteBriquePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { CODE_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Complete a brique. Achieved, partly or not achieved. */
export class CompleteBriqueDto extends CommandBaseDto implements CompleteBriquePayload {
  @ApiProperty({ example: '2.1', description: 'A brique code from the catalogue.' })
  @Matches(CODE_PATTERN, { message: 'must be a brique code' })
  briqueCode!: string;

  @ApiProperty({ enum: BRIQUE_RESULTS, example: 'achieved' })
  @IsIn(BRIQUE_RESULTS)
  result!: BriqueResult;

  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class CompleteBriqueCommand extends TrajectoryCommand<CompleteBriquePayload> {
  static readonly commandName = 'complete-brique';
  static readonly summary = 'Complete a brique';
  static readonly description = 'Achieved, partly or not achieved.';
}
