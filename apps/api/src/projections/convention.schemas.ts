import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * OpenAPI shapes of a convention as posted and as read (documentation only; projections/funder/convention.validator.ts
 * checks the body). Every amount is an integer number of euro cents in a field named `...Cents`.
 */

const CENTS = 'Integer euro cents (15000 is 150.00 EUR).';

class MeasureScaleSchema {
  @ApiProperty({ example: 'standard', description: 'A scale (barème) code.' }) code!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 50000, description: CENTS }) priceCents!: number;
}

class ConventionPricesSchema {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 15000, description: `Per diagnostic concluded. ${CENTS}` }) perDiagnosticCents?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 19000, description: `Per month-measure. ${CENTS}` }) perMonthCents?: number;
  @ApiPropertyOptional({ type: [MeasureScaleSchema], description: 'Per measure started, one price per scale; the first is the default.' })
  perMeasure?: MeasureScaleSchema[];
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 120000, description: `Per dwelling and calendar year. ${CENTS}` }) perDwellingYearCents?: number;
}

class FunderShareSchema {
  @ApiProperty({ example: 'departement-x' }) funder!: string;
  @ApiProperty({ minimum: 0, maximum: 1, exclusiveMinimum: true, example: 0.6, description: 'Fraction of the cost; the shares sum to 1.' }) share!: number;
}

class PlannedVolumesSchema {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 60 }) diagnostics?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 40 }) measures?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 240 }) monthMeasures?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) dwellingYears?: number;
}

/** The body of POST /conventions. */
export class ConventionInputSchema {
  @ApiPropertyOptional({
    example: 'fsl-2026',
    description: 'Unique within the programme and year: what a saisine or a contract names it by (`conventionCode`). Default `<funder>-<year>`. With funder, programme and year, the natural key that makes creation idempotent.',
  })
  code?: string;
  @ApiProperty({ example: 'departement-x', description: 'The funder holding the convention (a code).' }) funder!: string;
  @ApiProperty({ example: 'asll-departement-x', description: 'A programme code of the catalogue.' }) programme!: string;
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026 }) year!: number;
  @ApiPropertyOptional({ type: ConventionPricesSchema, description: 'At least one price. Default: the programme’s default pricing, copied.' }) prices?: ConventionPricesSchema;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 4000000, description: `The ceiling for the calendar year (default: the programme’s, copied). ${CENTS}` })
  yearlyCapCents?: number;
  @ApiPropertyOptional({
    type: [FunderShareSchema],
    description: 'Who pays which share; default: the funder pays everything.',
    example: [
      { funder: 'departement-x', share: 0.6 },
      { funder: 'caf-x', share: 0.4 },
    ],
  })
  funderShares?: FunderShareSchema[];
  @ApiPropertyOptional({ type: PlannedVolumesSchema }) plannedVolumes?: PlannedVolumesSchema;
}

export class ConventionSchema extends ConventionInputSchema {
  @ApiProperty({ example: '6f7c2a0e-4b1d-4f7e-9d3a-2c1b0a9e8d7f' }) id!: string;
  @ApiProperty({ example: 'fsl-2026' }) override code!: string;
  @ApiProperty({ type: ConventionPricesSchema }) override prices!: ConventionPricesSchema;
  @ApiProperty({ type: 'integer', minimum: 0, example: 4000000, description: CENTS }) override yearlyCapCents!: number;
  @ApiProperty({
    type: [String],
    enum: ['prices', 'yearlyCapCents', 'funderShares', 'plannedVolumes'],
    example: ['prices'],
    description: 'The money terms copied from the programme’s defaults when the convention was created; from then on they are the convention’s own.',
  })
  copiedFromProgramme!: string[];
  @ApiProperty({ format: 'date', example: '2026-01-05' }) createdOn!: string;
  @ApiProperty({ type: [FunderShareSchema], description: 'Who pays which share (the funder alone unless the convention said otherwise).' })
  override funderShares!: FunderShareSchema[];
}

export { CENTS };
