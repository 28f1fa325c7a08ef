import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { Landlord } from '../../../../../workflows/trajectory/src/vocabulary/trajectory-terms';
import { NAME_MAX, TEXT_MAX } from './validators';

const OBJECTIVE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class LandlordDto implements Landlord {
  @ApiProperty({ example: 'Lyon Métropole Habitat', description: 'The organisation; its contact person goes to personal.' })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ example: 'lmh' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  id?: string;
}

/** An objective as the statistics see it: only its id. Its wording is personal. */
export class ObjectiveRefDto {
  @ApiProperty({ example: 'obj-1' })
  @Matches(OBJECTIVE_ID, { message: 'must be 1-64 letters, digits, _ or -' })
  id!: string;
}

export class ObjectiveTextDto extends ObjectiveRefDto {
  @ApiProperty({ example: 'Clear the rent arrears with an FSL grant and a repayment plan.' })
  @IsString()
  @Length(1, TEXT_MAX)
  text!: string;
}

export class ObjectiveResultDto extends ObjectiveRefDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  met!: boolean;
}

export class ContractPersonalDto {
  @ApiPropertyOptional({ type: [ObjectiveTextDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObjectiveTextDto)
  objectives?: ObjectiveTextDto[];

  @ApiPropertyOptional({ example: 'At home, or at the Villeurbanne office' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  meetingPlace?: string;

  @ApiPropertyOptional({ example: 'Mme Dubois, 04 72 00 00 00' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  landlordContact?: string;
}
