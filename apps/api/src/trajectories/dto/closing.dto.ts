import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { CommandBaseDto } from './command-base.dto';
import { OrientationDto } from './orientation.dto';
import { PersonalCommentDto } from './personal-text.dto';

/** The fields every closing command shares: nobody leaves without a solution, so where the household goes is part of it. */
abstract class ClosingBaseDto extends CommandBaseDto {
  @ApiPropertyOptional({ type: PersonalCommentDto, description: 'Personal data: encrypted at rest, erasable.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalCommentDto)
  personal?: PersonalCommentDto;
}

/** Reorient, withdraw: the household always leaves with an orientation. */
export abstract class OrientedClosingDto extends ClosingBaseDto {
  @ApiProperty({ type: OrientationDto, description: 'Where the household was sent.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrientationDto)
  orientation!: OrientationDto;
}

/** Decline, close, end-veille: the rules decide when the orientation is required (the end reason, the stage). */
export abstract class ClosingDto extends ClosingBaseDto {
  @ApiPropertyOptional({
    type: OrientationDto,
    description: 'Required unless the end reason is autonomous, housed, maintained or deceased; required when declining at the contract stage.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrientationDto)
  orientation?: OrientationDto;
}
