import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The paging members of the caseload's and the deadlines' pages (documentation only). */
export class DatedPageSchema {
  @ApiProperty({ format: 'date', example: '2026-06-15', description: 'The Paris date the statuses are decided against: today, or the asOf date asked for.' }) today!: string;
  @ApiPropertyOptional({ format: 'date', example: '2026-04-20', description: 'With ?asOf=: the date asked for (then equal to `today`).' }) asOf?: string;
  @ApiProperty({ example: 16, description: 'Rows matching the filters, all pages.' }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}
