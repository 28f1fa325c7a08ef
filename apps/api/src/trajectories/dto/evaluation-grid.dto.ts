import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  GRID_AXES,
  GRID_RATINGS,
  type GridAxis,
  type GridComment,
  type GridItemRating,
  type GridRating,
} from '../../../../../workflows/trajectory/src/vocabulary/evaluation-grid';
import { TEXT_MAX } from './validators';

const ITEM_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class GridItemRatingDto implements GridItemRating {
  @ApiProperty({ enum: GRID_AXES, example: 'savoir-louer' })
  @IsIn(GRID_AXES)
  axis!: GridAxis;

  @ApiPropertyOptional({ example: 'pays-rent-regularly', description: 'Item inside the axis; omit for an axis-level rating.' })
  @IsOptional()
  @Matches(ITEM_PATTERN, { message: 'must be a kebab-case item code' })
  item?: string;

  @ApiProperty({ enum: GRID_RATINGS, example: 'in-progress' })
  @IsIn(GRID_RATINGS)
  rating!: GridRating;
}

export class GridCommentDto implements GridComment {
  @ApiProperty({ enum: GRID_AXES, example: 'savoir-louer' })
  @IsIn(GRID_AXES)
  axis!: GridAxis;

  @ApiPropertyOptional({ example: 'pays-rent-regularly' })
  @IsOptional()
  @Matches(ITEM_PATTERN, { message: 'must be a kebab-case item code' })
  item?: string;

  @ApiProperty({ example: 'Pays the rent since the FSL grant; still fragile.' })
  @IsString()
  @Length(1, TEXT_MAX)
  comment!: string;
}

/** The five axes with one rating each: a ready-made example for the grid commands. */
export const GRID_EXAMPLE: GridItemRating[] = GRID_AXES.map((axis, i) => ({ axis, rating: GRID_RATINGS[i % 3] }));


export class GridPersonalDto {
  @ApiPropertyOptional({ type: [GridCommentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GridCommentDto)
  comments?: GridCommentDto[];
}

export class FinalEvaluationPersonalDto extends GridPersonalDto {
  @ApiPropertyOptional({ example: 'Housed in a T3 since June; manages the budget alone.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string;
}
