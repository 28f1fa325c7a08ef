import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { UNIT_KINDS } from '../../../../projections/funder/billable-units.calculator';
import { CENTS } from './convention.schemas';

/*
 * OpenAPI shapes of a convention's consumption, dashboard and report (documentation only; the figures
 * are computed in projections/funder). Amounts are integer euro cents in fields named `...Cents`.
 */

export class ConsumptionLineSchema {
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'standard', description: "measure: the scale (barème) priced; else null" }) scale!: string | null;
  @ApiProperty({ type: 'integer', example: 3 }) quantity!: number;
  @ApiProperty({ type: 'integer', example: 15000, description: CENTS }) unitPriceCents!: number;
  @ApiProperty({ type: 'integer', example: 45000, description: `quantity × unitPriceCents. ${CENTS}` }) amountCents!: number;
}

export class CapStatusSchema {
  @ApiProperty({ type: 'integer', example: 4000000, description: `The yearly cap. ${CENTS}` }) capCents!: number;
  @ApiProperty({ type: 'integer', example: 266000, description: CENTS }) totalCents!: number;
  @ApiProperty({ type: 'integer', example: 3734000, description: `capCents − totalCents; negative over the cap. ${CENTS}` }) remainingCents!: number;
  @ApiProperty({ type: Number, nullable: true, example: 6.7, description: 'totalCents / capCents in percent, one decimal; null for a zero cap.' })
  usedPercent!: number | null;
  @ApiProperty() overCap!: boolean;
  @ApiProperty({ description: 'totalCents ≥ capCents: shown as a warning; the programme’s capPolicy "refuse" then refuses new measures (draft-contract).' }) capReached!: boolean;
}

class VolumeLineSchema {
  @ApiProperty({ enum: ['diagnostics', 'measures', 'monthMeasures', 'dwellingYears'] }) volume!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 40, description: 'The convention’s planned volume; null when it plans none.' }) planned!: number | null;
  @ApiProperty({ type: 'integer', example: 12, description: 'Units billed from January to the end of the month.' }) actualYearToDate!: number;
}

class FieldCountSchema {
  @ApiProperty({ example: 'orientation' }) field!: string;
  @ApiProperty({ example: 'maintien' }) value!: string;
  @ApiProperty({ type: 'integer', example: 3 }) count!: number;
}

class FunderAmountSchema {
  @ApiProperty({ example: 'departement-x' }) funder!: string;
  @ApiProperty({ example: 0.6 }) share!: number;
  @ApiProperty({ type: 'integer', example: 159600, description: `Split to the cent (largest remainder): the parts sum to totalCents. ${CENTS}` })
  amountCents!: number;
}

class PlannedSchema {
  @ApiProperty({ type: 'integer', required: false }) diagnostics?: number;
  @ApiProperty({ type: 'integer', required: false }) measures?: number;
  @ApiProperty({ type: 'integer', required: false }) monthMeasures?: number;
  @ApiProperty({ type: 'integer', required: false }) dwellingYears?: number;
}

export class ConsumptionSchema extends CapStatusSchema {
  @ApiProperty({ example: 'conv-asll-2026' }) conventionId!: string;
  @ApiProperty({ example: 'departement-x' }) funder!: string;
  @ApiProperty({ example: 'asll-departement-x' }) programme!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ format: 'date', example: '2026-06-15', description: 'Figures run up to this Paris date.' }) asOf!: string;
  @ApiProperty({ type: [ConsumptionLineSchema] }) lines!: ConsumptionLineSchema[];
  @ApiProperty({ type: [FunderAmountSchema] }) funderShares!: FunderAmountSchema[];
  @ApiProperty({ type: PlannedSchema, nullable: true }) planned!: PlannedSchema | null;
}

export class DashboardSchema {
  @ApiProperty({ example: 'conv-asll-2026' }) conventionId!: string;
  @ApiProperty({ example: 'departement-x' }) funder!: string;
  @ApiProperty({ example: 'asll-departement-x' }) programme!: string;
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' }) month!: string;
  @ApiProperty({ format: 'date', example: '2026-06-15' }) asOf!: string;
  @ApiProperty({ type: 'integer' }) saisinesReceived!: number;
  @ApiProperty({ type: 'integer' }) diagnosticsStarted!: number;
  @ApiProperty({ type: 'integer' }) diagnosticsConcluded!: number;
  @ApiProperty({ type: 'integer', description: 'Measures in progress on at least one day of the month, suspended or not.' }) measuresActive!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, the months billed: in briques and not suspended for at least one day.' }) monthMeasures!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { housed: 2 } }) closuresByEndReason!: Record<string, number>;
  @ApiProperty({ type: 'integer', example: 53000, description: CENTS }) amountThisMonthCents!: number;
  @ApiProperty({ type: [ConsumptionLineSchema] }) linesThisMonth!: ConsumptionLineSchema[];
  @ApiProperty({ type: CapStatusSchema, description: 'January to the end of the month.' }) yearToDate!: CapStatusSchema;
  @ApiProperty({ type: [VolumeLineSchema], description: 'Planned volumes beside the actual ones, year to date.' }) volumes!: VolumeLineSchema[];
  @ApiProperty({ type: [FieldCountSchema], description: 'Saisines received in the month by the programme’s own categorical saisine fields.' }) saisineFields!: FieldCountSchema[];
}

/** A count from 1 to 4 is shown as "<5" (a funder must not single out a household). */
const MASKED: ApiPropertyOptions = { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['<5'] }], example: 12 };

class MaskedShareSchema {
  @ApiProperty({ example: 'single-parent' }) category!: string;
  @ApiProperty(MASKED) count!: number | '<5';
  @ApiProperty({ type: Number, nullable: true, example: 35.3, description: 'Percent, one decimal; null when the count is masked.' }) percent!: number | null;
}

class HouseholdCountsSchema {
  @ApiProperty(MASKED) received!: number | '<5';
  @ApiProperty(MASKED) diagnosed!: number | '<5';
  @ApiProperty(MASKED) accompanied!: number | '<5';
  @ApiProperty(MASKED) population!: number | '<5';
}

class OutcomesSchema {
  @ApiProperty(MASKED) housed!: number | '<5';
  @ApiProperty(MASKED) maintained!: number | '<5';
  @ApiProperty(MASKED) abandoned!: number | '<5';
}

class AverageDurationSchema {
  @ApiProperty(MASKED) measures!: number | '<5';
  @ApiProperty({ type: Number, nullable: true, example: 182.5 }) days!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 6 }) months!: number | null;
}

class ProfileSchema {
  @ApiProperty({ type: [MaskedShareSchema] }) composition!: MaskedShareSchema[];
  @ApiProperty({ type: [MaskedShareSchema] }) resources!: MaskedShareSchema[];
  @ApiProperty({ type: [MaskedShareSchema] }) ageBand!: MaskedShareSchema[];
  @ApiProperty({ type: [MaskedShareSchema] }) gender!: MaskedShareSchema[];
}

class GridAxisProgressSchema {
  @ApiProperty({ example: 'savoir-habiter' }) axis!: string;
  @ApiProperty(MASKED) improved!: number | '<5';
  @ApiProperty(MASKED) unchanged!: number | '<5';
  @ApiProperty(MASKED) worsened!: number | '<5';
}

class SaisineFieldSharesSchema {
  @ApiProperty({ example: 'orientation' }) field!: string;
  @ApiProperty({ type: [MaskedShareSchema] }) shares!: MaskedShareSchema[];
}

class GridProgressSchema {
  @ApiProperty(MASKED) evaluated!: number | '<5';
  @ApiProperty({ type: [GridAxisProgressSchema] }) axes!: GridAxisProgressSchema[];
}

export class YearlyReportSchema {
  @ApiProperty({ example: 'conv-asll-2026' }) conventionId!: string;
  @ApiProperty({ example: 'departement-x' }) funder!: string;
  @ApiProperty({ example: 'asll-departement-x' }) programme!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ format: 'date', example: '2026-06-15' }) asOf!: string;
  @ApiProperty({ type: HouseholdCountsSchema }) households!: HouseholdCountsSchema;
  @ApiProperty({ type: OutcomesSchema }) outcomes!: OutcomesSchema;
  @ApiProperty({ type: AverageDurationSchema }) averageDuration!: AverageDurationSchema;
  @ApiProperty({ type: ProfileSchema }) profile!: ProfileSchema;
  @ApiProperty({ type: [MaskedShareSchema] }) briques!: MaskedShareSchema[];
  @ApiProperty({ type: GridProgressSchema }) gridProgress!: GridProgressSchema;
  @ApiProperty({ type: [SaisineFieldSharesSchema], description: 'Households received in the year by the programme’s categorical saisine fields; counts under 5 are "<5".' })
  saisineFields!: SaisineFieldSharesSchema[];
}
