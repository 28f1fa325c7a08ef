import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { ErasureReason } from '../../../../../libs/privacy/src';

/** 'retention-expired' is the retention job's: a person erases for one of these. */
export const REQUESTED_ERASURE_REASONS = ['household-request', 'consent-withdrawn', 'unlawful-processing', 'legal-obligation'] as const satisfies readonly ErasureReason[];

export class ErasureRequestDto {
  @ApiProperty({
    enum: REQUESTED_ERASURE_REASONS,
    example: 'household-request',
    description: 'Why the personal data is erased. A code, not free text: the erasure record is kept for ever and must not quote anyone.',
  })
  @IsIn(REQUESTED_ERASURE_REASONS)
  reason!: (typeof REQUESTED_ERASURE_REASONS)[number];
}
