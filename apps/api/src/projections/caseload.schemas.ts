import { ApiProperty } from '@nestjs/swagger';
import { DatedPageSchema } from './dated-page.schema';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../../projections/deadlines/deadlines.calculator';

/* OpenAPI shapes of GET /caseload (documentation only; the page is built by projections/caseload/caseload.queries.ts). */

class PrescriberSchema {
  @ApiProperty({ example: 'ccas' }) kind!: string;
  @ApiProperty({ example: 'CCAS de Lyon' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'ccas-lyon' }) id!: string | null;
}

class NextDeadlineSchema {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({ format: 'date', example: '2026-06-02' }) dueOn!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: '2.1' }) briqueCode!: string | null;
}

export class CaseloadItemSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The day the trajectory entered its stage.' }) stageSince!: string;
  @ApiProperty({ format: 'date', example: '2026-01-05' }) openedOn!: string;
  @ApiProperty({ type: String, nullable: true, example: 'referent-cesf-12' }) referentId!: string | null;
  @ApiProperty({ example: 'asll-departement-x' }) programme!: string;
  @ApiProperty({ type: String, nullable: true, example: 'conv-asll-2026' }) conventionId!: string | null;
  @ApiProperty({ type: PrescriberSchema }) prescriber!: PrescriberSchema;
  @ApiProperty() suspended!: boolean;
  @ApiProperty({ type: NextDeadlineSchema, nullable: true }) nextDeadline!: NextDeadlineSchema | null;
}

class ReferentCountSchema {
  @ApiProperty({ type: String, nullable: true, example: 'referent-cesf-12', description: 'null: no referent yet' }) referentId!: string | null;
  @ApiProperty({ example: 14 }) count!: number;
}

class CaseloadCountsSchema {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { diagnostic: 4, briques: 12 },
    description: 'Every filter but the stage.',
  })
  byStage!: Record<string, number>;
  @ApiProperty({ type: [ReferentCountSchema], description: 'Every filter but the referent.' }) byReferent!: ReferentCountSchema[];
}

export class CaseloadPageSchema extends DatedPageSchema {
  @ApiProperty({ type: [CaseloadItemSchema] }) items!: CaseloadItemSchema[];
  @ApiProperty({ type: CaseloadCountsSchema }) counts!: CaseloadCountsSchema;
}
