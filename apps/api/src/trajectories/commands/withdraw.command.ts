import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { type WithdrawPayload } from '../../../../../workflows/trajectory/src';
import { CommandBaseDto } from '../dto/command-base.dto';
import { OrientationDto } from '../dto/orientation.dto';
import { PersonalCommentDto } from '../dto/personal-text.dto';
import { TrajectoryCommand } from './trajectory-command';

/** Withdraw (the household ends it). At any open stage; an orientation is recorded. */
export class WithdrawDto extends CommandBaseDto implements WithdrawPayload {
  @ApiProperty({ type: OrientationDto, description: 'Where the household was sent.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrientationDto)
  orientation!: OrientationDto;

  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

export class WithdrawCommand extends TrajectoryCommand<WithdrawPayload> {
  static readonly commandName = 'withdraw';
  static readonly summary = 'Withdraw (the household ends it)';
  static readonly description = 'At any open stage; an orientation is recorded.';
}
