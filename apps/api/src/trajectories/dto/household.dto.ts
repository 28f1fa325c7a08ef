import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGE_BANDS,
  type AgeBand,
  COMPOSITIONS,
  type Composition,
  type ContactPerson,
  GENDERS,
  type Gender,
  type HouseholdIdentity,
  type HouseholdProfile,
  type PersonName,
  PRESCRIBER_KINDS,
  type Prescriber,
  type PrescriberKind,
  RESOURCES_TYPES,
  type ResourcesType,
} from '../../../../../workflows/trajectory/src/vocabulary/household';
import { NAME_MAX, PHONE_PATTERN, TEXT_MAX } from './validators';

export class PrescriberDto implements Prescriber {
  @ApiProperty({ enum: PRESCRIBER_KINDS, example: 'landlord' })
  @IsIn(PRESCRIBER_KINDS)
  kind!: PrescriberKind;

  @ApiProperty({ example: 'Lyon Métropole Habitat', description: 'The organisation (not a person).' })
  @IsString()
  @Length(1, NAME_MAX)
  name!: string;

  @ApiPropertyOptional({ example: 'lmh', description: 'The prescriber’s id in this service, when it has one.' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  id?: string;
}

/** Categorical, statistics-safe facts about the household. */
export class HouseholdProfileDto implements HouseholdProfile {
  @ApiProperty({ enum: COMPOSITIONS, example: 'single-parent' })
  @IsIn(COMPOSITIONS)
  composition!: Composition;

  @ApiProperty({ example: 2, minimum: 0, maximum: 20 })
  @IsInt()
  @Min(0)
  @Max(20)
  childrenCount!: number;

  @ApiProperty({ enum: AGE_BANDS, example: '35-44' })
  @IsIn(AGE_BANDS)
  ageBand!: AgeBand;

  @ApiProperty({ enum: GENDERS, example: 'female', description: 'Gender of the reference person.' })
  @IsIn(GENDERS)
  referenceGender!: Gender;

  @ApiProperty({ enum: RESOURCES_TYPES, example: 'rsa' })
  @IsIn(RESOURCES_TYPES)
  mainResources!: ResourcesType;
}

export class PersonNameDto implements PersonName {
  @ApiPropertyOptional({ example: 'Martin' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  lastName?: string;

  @ApiPropertyOptional({ example: 'Awa' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  firstName?: string;
}

export class HouseholdIdentityDto extends PersonNameDto implements HouseholdIdentity {
  @ApiPropertyOptional({ type: [PersonNameDto], example: [{ firstName: 'Léo', lastName: 'Martin' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PersonNameDto)
  otherMembers?: PersonNameDto[];

  @ApiPropertyOptional({ example: '12 rue des Lilas' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  address?: string;

  @ApiPropertyOptional({ example: '69100' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z -]{2,10}$/, { message: 'must be a postal code' })
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Villeurbanne' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  city?: string;

  @ApiPropertyOptional({ example: '+33 6 12 34 56 78' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'awa.martin@example.org' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class ContactPersonDto implements ContactPerson {
  @ApiPropertyOptional({ example: 'Claire Dubois (chargée de contentieux)' })
  @IsOptional()
  @IsString()
  @Length(1, NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ example: '04 72 00 00 00' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'c.dubois@lmh.example' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

/** Identifying data of a saisine: encrypted at rest, erasable on request. */
export class SaisinePersonalDto {
  @ApiPropertyOptional({ type: HouseholdIdentityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HouseholdIdentityDto)
  household?: HouseholdIdentityDto;

  @ApiPropertyOptional({ type: ContactPersonDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  prescriberContact?: ContactPersonDto;

  @ApiPropertyOptional({ example: 'Referred after the CCAPEX meeting of 3 March.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  comment?: string;
}
