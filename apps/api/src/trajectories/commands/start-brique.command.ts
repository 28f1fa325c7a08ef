import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { type StartBriquePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalObjectiveDto } from '../dto/personal-text.dto';
import { CODE_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Start a brique. A brique the programme allows; `details` is checked against the brique type’s schema. */
export class StartBriqueDto extends CommandBaseDto implements StartBriquePayload {
  @ApiProperty({ example: '2.1', description: 'A brique code from the catalogue.' })
  @Matches(CODE_PATTERN, { message: 'must be a brique code' })
  code!: string;

  @ApiPropertyOptional({ example: {}, description: 'Brique-specific data, validated by the brique type.' })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ type: PersonalObjectiveDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalObjectiveDto)
  personal?: PersonalObjectiveDto;
}

export class StartBriqueCommand extends TrajectoryCommand<StartBriquePayload> {
  static readonly commandName = 'start-brique';
  static readonly summary = 'Start a brique';
  static readonly description = 'A brique the programme allows; `details` is checked against the brique type’s schema.';
}
