import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERASURE_REASONS } from '../../../../libs/privacy/src';
import { EventViewSchema, TrajectoryViewSchema } from '../trajectories/views/trajectory.schemas';

/* OpenAPI shapes of the privacy routes (documentation only). */

export class HouseholdErasureSchema {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ enum: ERASURE_REASONS }) reason!: string;
  @ApiProperty({ format: 'date', example: '2026-06-15', description: 'Business date of the erasure (Europe/Paris).' }) erasedOn!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Trajectories whose personal data became unreadable.' }) trajectoryIds!: string[];
  @ApiProperty({ description: 'false when the household never had personal data written (a tombstone was still left).' }) keyDestroyed!: boolean;
}

export class ErasureOutcomeSchema extends HouseholdErasureSchema {
  @ApiProperty({ format: 'uuid', description: 'The HouseholdErased event.' }) eventId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-15T10:00:00.000Z' }) recordedAt!: string;
}

class ExportedTrajectorySchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TrajectoryViewSchema }) state!: TrajectoryViewSchema;
  @ApiProperty({ type: [EventViewSchema], description: 'Personal data opened, or { "$erased": true } after an erasure.' }) events!: EventViewSchema[];
}

export class HouseholdExportSchema {
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-15T10:00:00.000Z' }) exportedAt!: string;
  @ApiProperty({ enum: ['live', 'erased', 'none'] }) personalData!: string;
  @ApiPropertyOptional({ type: HouseholdErasureSchema }) erasure?: HouseholdErasureSchema;
  @ApiProperty({ type: [ExportedTrajectorySchema] }) trajectories!: ExportedTrajectorySchema[];
  @ApiProperty({ type: [EventViewSchema], description: 'Events of the stream household-{id} (HouseholdErased).' }) householdEvents!: EventViewSchema[];
}
