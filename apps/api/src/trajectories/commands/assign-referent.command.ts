import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { type AssignReferentPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { ACTOR_ID_PATTERN } from '../dto/validators';
import { TrajectoryCommand } from './trajectory-command';

/** Assign the referent. Names the social worker who follows the household. */
export class AssignReferentDto extends CommandBaseDto implements AssignReferentPayload {
  @ApiProperty({ example: 'referent-cesf-12', description: 'The social worker’s actor id.' })
  @Matches(ACTOR_ID_PATTERN, { message: 'must be 1-128 letters, digits or . _ @ : -' })
  referentId!: string;
}

export class AssignReferentCommand extends TrajectoryCommand<AssignReferentPayload> {
  static readonly commandName = 'assign-referent';
  static readonly summary = 'Assign the referent';
  static readonly description = 'Names the social worker who follows the household.';
}
