import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../../../../../workflows/trajectory/src';

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
  @ApiProperty({
    example: ['start-brique', 'record-point', 'record-bilan', 'suspend', 'record-note', 'withdraw'],
    description: 'What may be done next, among the commands the caller’s role may run (the access policy).',
  })
  allowedCommands!: string[];
}

class DeadlineSchema {
  @ApiProperty({ enum: DEADLINE_KINDS, example: 'bilan' }) kind!: string;
  @ApiProperty({ example: '2026-06-02' }) dueOn!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'referent-cesf-12', description: 'The referent; null while none is assigned.' }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2.1', description: "For 'point': the brique it is due on." }) briqueCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'bail-glisse', description: "For 'point-cadence' and 'milestone': the programme's code of the cadence or milestone." }) code!: string | null;
  @ApiPropertyOptional({ example: 'Glissement du bail au ménage', description: "For 'point-cadence' and 'milestone': its title in the programme." }) title?: string;
}

class MonthMeasuresSchema {
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty({ type: [String], example: ['2026-02', '2026-03', '2026-04'] }) months!: string[];
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

class BrokenEventSchema {
  @ApiProperty({ example: 4 }) version!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['hash-mismatch', 'out-of-sequence'],
    description:
      "hash-mismatch: the event's stored content (or its predecessor's) is not what was hashed when it was recorded; " +
      'out-of-sequence: its version does not follow the previous one (a row removed, added or renumbered).',
  })
  reason!: string;
}

class IntegritySchema {
  @ApiProperty({
    enum: ['ok', 'broken'],
    description:
      "The stream's hash chain (sha-256 over the previous hash and each event's canonical JSON), recomputed on the events of this very read. " +
      'broken: from firstBroken on, the events are not what was recorded; GET /trajectories/{id}/verify gives the hashes to an auditor.',
  })
  status!: string;
  @ApiProperty({ example: 7, description: 'Events checked: all of them when ok, up to and including the first broken one otherwise.' })
  eventsChecked!: number;
  @ApiPropertyOptional({ type: BrokenEventSchema, description: 'With status broken: the first event that does not verify.' })
  firstBroken?: BrokenEventSchema;
}

export class TrajectoryViewSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 7 }) version!: number;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiPropertyOptional({
    example: 'awaitingValidation',
    description: 'The state inside the stage, where it has some: contract drafting, awaitingValidation or validated; briques active or suspended.',
  })
  subState?: string;
  @ApiProperty({ enum: ['active', 'done'] }) status!: string;
  @ApiProperty({ example: 1 }) workflowVersion!: number;
  @ApiPropertyOptional({ example: '2026-01-05' }) openedOn?: string;
  @ApiProperty({ nullable: true, example: { id: 'referent-cesf-12' } }) referent!: { id: string } | null;
  @ApiProperty({ nullable: true, example: { code: 'avdl', title: 'AVDL' } }) programme!: { code: string; title?: string } | null;
  @ApiPropertyOptional({ example: 'conv-fsl-2026' }) conventionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) householdId?: string;
  @ApiProperty({ type: [ActiveBriqueSchema] }) activeBriques!: ActiveBriqueSchema[];
  @ApiProperty({ type: [DeadlineSchema], description: 'What is due now, computed as /deadlines and /caseload compute it.' }) nextDeadlines!: DeadlineSchema[];
  @ApiProperty({ type: [DeadlineSchema], description: "The measure's whole schedule ahead: what is due now, every planned bilan until the measure end, the measure end, the veille visit." })
  schedule!: DeadlineSchema[];
  @ApiProperty({ type: MonthMeasuresSchema, description: 'Month-measures counted so far (domain §5), by the definition the funder figures use.' })
  monthMeasures!: MonthMeasuresSchema;
  @ApiProperty({
    example: ['record-point', 'record-bilan', 'suspend'],
    description: 'Accepted today for at least one valid payload, among the commands the caller’s role may run (the access policy); every other command is refused today.',
  })
  allowedCommands!: string[];
  @ApiProperty({ type: [CommandRequirementsSchema], description: 'Per allowed command, in the same order: what its payload and date must satisfy.' })
  commandRequirements!: CommandRequirementsSchema[];
  @ApiProperty({ type: IntegritySchema, description: 'Whether the events this state was folded from are the ones recorded (never a 304 when broken).' })
  integrity!: IntegritySchema;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rest of the folded, categorical state.' })
  details!: Record<string, unknown>;
}

class NotAppliedEventSchema {
  @ApiProperty({ example: 12 }) version!: number;
  @ApiProperty({ example: 'PointRecorded' }) type!: string;
  @ApiProperty({ example: 'not accepted in state ...' }) reason!: string;
}

export class TrajectoryHistoryViewSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiPropertyOptional({ example: '2026-03-01T10:00:00.000Z', description: 'With ?at=: the instant asked for.' }) at?: string;
  @ApiPropertyOptional({ format: 'date', example: '2026-04-20', description: 'With ?asOf=: the business date asked for.' }) asOf?: string;
  @ApiPropertyOptional({
    enum: ['recordedAt', 'occurredAt'],
    description: 'Which date selected the events: recordedAt with ?at= (what the service knew then), occurredAt with ?asOf= (what had happened by then).',
  })
  selectedBy?: string;
  @ApiProperty({ example: 7 }) version!: number;
  @ApiProperty({ type: IntegritySchema, description: "The whole stream's chain, also with ?at= (a break after that instant is still reported)." })
  integrity!: IntegritySchema;
  @ApiProperty({ type: [EventViewSchema] }) events!: EventViewSchema[];
  @ApiPropertyOptional({
    type: [NotAppliedEventSchema],
    description: 'With ?asOf=: events dated on or before it that the workflow refuses in stream order, left out of the state.',
  })
  notApplied?: NotAppliedEventSchema[];
  @ApiPropertyOptional({ type: TrajectoryViewSchema, description: 'With ?at= or ?asOf=: the state at that instant or on that date.' })
  state?: TrajectoryViewSchema;
}
