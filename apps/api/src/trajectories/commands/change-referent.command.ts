import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { type ChangeReferentPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalHandOverDto } from '../dto/personal-text.dto';
import { ACTOR_ID_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Change the referent. The hand-over inside the service, with a note. */
export class ChangeReferentDto extends CommandBaseDto implements ChangeReferentPayload {
  @ApiProperty({ example: 'referent-cesf-12', description: 'The social worker’s actor id.' })
  @Matches(ACTOR_ID_PATTERN, { message: 'must be 1-128 letters, digits or . _ @ : -' })
  referentId!: string;

  @ApiPropertyOptional({ type: PersonalHandOverDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalHandOverDto)
  personal?: PersonalHandOverDto;
}

export class ChangeReferentCommand extends TrajectoryCommand<ChangeReferentPayload> {
  static readonly commandName = 'change-referent';
  static readonly summary = 'Change the referent';
  static readonly description = 'The hand-over inside the service, with a note.';
}
