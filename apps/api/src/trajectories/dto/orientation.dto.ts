import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ORIENTATION_KINDS, type Orientation, type OrientationKind } from '../../../../../workflows/trajectory/src/vocabulary/orientation';
import { NAME_MAX } from './validators';

/** Where the household was sent: nobody is left without a solution. */
export class OrientationDto implements Orientation {
  @ApiProperty({ enum: ORIENTATION_KINDS, example: 'ccas' })
  @IsIn(ORIENTATION_KINDS)
  kind!: OrientationKind;

  @ApiPropertyOptional({ example: 'CCAS de Villeurbanne', description: 'An organisation, not a person.' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  partnerName?: string;
}
