import { ApiProperty } from '@nestjs/swagger';

/** The paging members of the caseload's and the deadlines' pages (documentation only). */
export class DatedPageSchema {
  @ApiProperty({ format: 'date', example: '2026-06-15', description: 'Today in Europe/Paris: what the statuses are decided against.' }) today!: string;
  @ApiProperty({ example: 16, description: 'Rows matching the filters, all pages.' }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}
