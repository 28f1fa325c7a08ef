import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { CONTACT_MODES, type ContactMode, type RecordFirstContactPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalSummaryDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record the first contact. Needs a referent; moves the trajectory to diagnostic. */
export class RecordFirstContactDto extends CommandBaseDto implements RecordFirstContactPayload {
  @ApiProperty({ enum: CONTACT_MODES, example: 'home-visit' })
  @IsIn(CONTACT_MODES)
  mode!: ContactMode;

  @ApiPropertyOptional({ type: PersonalSummaryDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalSummaryDto)
  personal?: PersonalSummaryDto;
}

export class RecordFirstContactCommand extends TrajectoryCommand<RecordFirstContactPayload> {
  static readonly commandName = 'record-first-contact';
  static readonly summary = 'Record the first contact';
  static readonly description = 'Needs a referent; moves the trajectory to diagnostic.';
}
