import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { NOTE_CATEGORIES, type NoteCategory, type RecordNotePayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { PersonalTextDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Record a note. At any open stage: a note, an incident, a consent, a refusal or a contact attempt. */
export class RecordNoteDto extends CommandBaseDto implements RecordNotePayload {
  @ApiPropertyOptional({ enum: NOTE_CATEGORIES, example: 'note', description: 'Default note.' })
  @IsOptional()
  @IsIn(NOTE_CATEGORIES)
  category?: NoteCategory;

  @ApiPropertyOptional({ type: PersonalTextDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalTextDto)
  personal?: PersonalTextDto;
}

export class RecordNoteCommand extends TrajectoryCommand<RecordNotePayload> {
  static readonly commandName = 'record-note';
  static readonly summary = 'Record a note';
  static readonly description = 'At any open stage: a note, an incident, a consent, a refusal or a contact attempt.';
}
