import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDateString } from './validators';

/** Every command says when it happened: a past or present business date, never after today (Paris). */
export abstract class CommandBaseDto {
  @ApiProperty({
    example: '2026-03-02',
    description: 'Business date it happened (YYYY-MM-DD, Europe/Paris): not in the future, not before the trajectory opened.',
  })
  @IsCalendarDateString()
  occurredAt!: string;
}
