import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from './validators';

/*
 * Free text is personal data (domain.md §8): it always travels in a `personal` object, which the
 * store encrypts and can erase. One small class per field name the commands use.
 */

export class PersonalCommentDto {
  @ApiPropertyOptional({ example: 'Spoke with the household by phone.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  comment?: string;
}

export class PersonalSummaryDto {
  @ApiPropertyOptional({ example: 'Rent arrears of 3 months; the household wants to stay.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string;
}

export class PersonalHandOverDto {
  @ApiPropertyOptional({ example: 'Weekly calls work best; the landlord is cooperative.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  handOverNote?: string;
}

export class PersonalJustificationDto {
  @ApiPropertyOptional({ example: 'The household is about to sign a lease; three more months are needed.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  justification?: string;
}

export class PersonalTextDto {
  @ApiPropertyOptional({ example: 'The household asked for meetings on Tuesday mornings.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  text?: string;
}

export class PersonalObjectiveDto {
  @ApiPropertyOptional({ example: 'Find a T3 in the city within six months.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  objective?: string;
}

export class PersonalHandOffDto extends PersonalHandOverDto {
  @ApiPropertyOptional({ example: 'M. Bernard, CCAS, 04 78 00 00 00' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  partnerContact?: string;
}
