import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * OpenAPI shapes of the responses (documentation only; the views are built in trajectory.views.ts).
 */

class ActorSchema {
  @ApiProperty({ example: 'referent-cesf-12' }) id!: string;
  @ApiProperty({ example: 'referent' }) role!: string;
}

export class EventViewSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ContractSigned' }) type!: string;
  @ApiProperty({ example: 7 }) version!: number;
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiPropertyOptional({ example: '2026-03-02' }) occurredAt?: string;
  @ApiProperty({ example: '2026-03-02T09:14:03.512Z' }) recordedAt!: string;
  @ApiPropertyOptional({ type: ActorSchema }) actor?: ActorSchema;
  @ApiPropertyOptional({ example: '5a4c1f2e-0b7d-4b8e-9c1a-2d3e4f5a6b7c' }) correlationId?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { party: 'household' } }) data!: Record<string, unknown>;
}

export class CommandResultViewSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiProperty({ enum: ['active', 'done'] }) status!: string;
  @ApiProperty({ example: 7, description: 'The new version: send it back as If-Match "7".' }) version!: number;
  @ApiProperty({ type: [EventViewSchema] }) events!: EventViewSchema[];
  @ApiProperty({ example: ['start-brique', 'record-point', 'record-bilan', 'suspend', 'record-note', 'withdraw'] })
  allowedCommands!: string[];
}

class DeadlineSchema {
  @ApiProperty({ example: 'bilan' }) kind!: string;
  @ApiProperty({ example: '2026-06-02' }) dueOn!: string;
  @ApiProperty({ enum: ['upcoming', 'due-soon', 'overdue'] }) status!: string;
  @ApiPropertyOptional({ example: 'referent-cesf-12' }) ownerId?: string;
  @ApiPropertyOptional({ example: '2.1' }) briqueCode?: string;
}

class ActiveBriqueSchema {
  @ApiProperty({ example: '2.1' }) code!: string;
  @ApiProperty({ example: 'AVDL' }) group!: string;
  @ApiProperty({ example: 'monthly' }) cadence!: string;
  @ApiProperty({ example: '2026-03-02' }) startedOn!: string;
  @ApiPropertyOptional({ example: '2026-04-01' }) lastPointOn?: string;
  @ApiProperty({ example: 1 }) points!: number;
}

class CommandRequirementSchema {
  @ApiProperty({ example: 'bilan-required', description: 'The refusal code when the rule fails.' }) code!: string;
  @ApiProperty({ example: 'A renewal is dated within 30 days after a bilan.' }) reason!: string;
}

class CommandRequirementsSchema {
  @ApiProperty({ example: 'renew' }) command!: string;
  @ApiProperty({ type: [CommandRequirementSchema], description: 'Rules on the payload and the date; the state rules already hold.' })
  requires!: CommandRequirementSchema[];
}

export class TrajectoryViewSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 7 }) version!: number;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiProperty({ enum: ['active', 'done'] }) status!: string;
  @ApiProperty({ example: 1 }) workflowVersion!: number;
  @ApiPropertyOptional({ example: '2026-01-05' }) openedOn?: string;
  @ApiProperty({ nullable: true, example: { id: 'referent-cesf-12' } }) referent!: { id: string } | null;
  @ApiProperty({ nullable: true, example: { code: 'avdl', title: 'AVDL' } }) programme!: { code: string; title?: string } | null;
  @ApiPropertyOptional({ example: 'conv-fsl-2026' }) conventionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) householdId?: string;
  @ApiProperty({ type: [ActiveBriqueSchema] }) activeBriques!: ActiveBriqueSchema[];
  @ApiProperty({ type: [DeadlineSchema] }) nextDeadlines!: DeadlineSchema[];
  @ApiProperty({
    example: ['record-point', 'record-bilan', 'suspend'],
    description: 'Accepted today for at least one valid payload; every other command is refused today.',
  })
  allowedCommands!: string[];
  @ApiProperty({ type: [CommandRequirementsSchema], description: 'Per allowed command, in the same order: what its payload and date must satisfy.' })
  commandRequirements!: CommandRequirementsSchema[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rest of the folded, categorical state.' })
  details!: Record<string, unknown>;
}

export class TrajectoryHistoryViewSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiPropertyOptional({ example: '2026-03-01T10:00:00.000Z' }) at?: string;
  @ApiProperty({ example: 7 }) version!: number;
  @ApiProperty({ type: [EventViewSchema] }) events!: EventViewSchema[];
  @ApiPropertyOptional({ type: TrajectoryViewSchema, description: 'With ?at=: the state at that instant.' })
  state?: TrajectoryViewSchema;
}
