import { ApiProperty } from '@nestjs/swagger';
import { DatedPageSchema } from './dated-page.schema';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../../projections/deadlines/deadlines.calculator';

/* OpenAPI shapes of GET /deadlines (documentation only; the page is built by projections/deadlines/deadlines.queries.ts). */

export class DeadlineItemSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: '2.1' }) briqueCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'bailleur-au-domicile', description: "For 'point-cadence' and 'milestone': the programme's code of it." }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'referent-cesf-12' }) ownerId!: string | null;
  @ApiProperty({ format: 'date', example: '2026-06-02' }) dueOn!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiProperty({ example: 'asll-departement-x' }) programme!: string;
  @ApiProperty({ type: String, nullable: true, example: 'conv-asll-2026' }) conventionId!: string | null;
}

export class DeadlinesPageSchema extends DatedPageSchema {
  @ApiProperty({ type: [DeadlineItemSchema] }) items!: DeadlineItemSchema[];
}
