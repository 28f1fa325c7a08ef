import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class SaisineItemSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-01-05', description: 'The date the saisine was received.' }) receivedOn!: string;
  @ApiProperty({ example: 'diagnostic' }) stage!: string;
  @ApiProperty({ enum: ['active', 'done'] }) status!: string;
}

export class SaisineListSchema {
  @ApiProperty({ type: [SaisineItemSchema] }) items!: SaisineItemSchema[];
}

class SubmissionSchema {
  @ApiProperty({ example: 'ASLL' }) measureType!: string;
  @ApiProperty({ example: ['2.1', '2.5'] }) briques!: string[];
  @ApiProperty({ example: 6 }) durationMonths!: number;
  @ApiProperty({ example: { axesNeedingSupport: ['savoir-louer'], occupancyStatus: 'direct-lease', urgency: 'standard' } }) summary!: Record<string, unknown>;
}

class ValidationItemSchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ example: 'asll-fsl' }) programme!: string;
  @ApiProperty({ example: 'fsl-69' }) validatorId!: string;
  @ApiProperty({ example: 'contract' }) stage!: string;
  @ApiProperty({ enum: ['awaiting', 'validated', 'rejected'] }) status!: string;
  @ApiProperty({ example: '2026-02-02' }) submittedOn!: string;
  @ApiPropertyOptional({ example: '2026-02-17', description: 'The validation deadline (programme setting), while the submission awaits.' }) dueOn?: string;
  @ApiProperty({ type: SubmissionSchema }) submission!: SubmissionSchema;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Earlier submissions and their decisions.' }) history!: Record<string, unknown>[];
}

export class ValidationListSchema {
  @ApiProperty({ type: [ValidationItemSchema] }) items!: ValidationItemSchema[];
}

class SharedDocumentSchema {
  @ApiProperty({ example: '2026-05-03' }) on!: string;
  @ApiProperty({ enum: ['diagnostic-recommendations', 'bilan', 'end-of-measure-summary'] }) document!: string;
  @ApiProperty({ example: '2026-05-02' }) householdAgreedOn!: string;
  @ApiProperty({ example: { rentSituation: 'repayment-plan', progress: 'on-track' } }) content!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The document’s free text, only when the household agreed to it being shared.' }) text?: string;
}

class PartnerMeetingSchema {
  @ApiProperty({ example: '2026-03-25' }) on!: string;
  @ApiProperty({ example: 'tripartite-meeting' }) mode!: string;
  @ApiProperty({ example: ['household', 'referent', 'landlord'] }) parties!: string[];
}

class UpcomingMeetingSchema {
  @ApiProperty({ example: '2026-06-30' }) dueOn!: string;
  @ApiProperty({ example: 'landlord-quarterly', description: 'The programme cadence it is due under.' }) cadence!: string;
}

class PartnerTrajectorySchema {
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ example: 'briques' }) stage!: string;
  @ApiProperty({ enum: ['active', 'done'] }) status!: string;
  @ApiProperty({ example: ['landlord'], description: 'landlord, prescriber, relais-partner or recipient (of a shared document).' }) relations!: string[];
  @ApiProperty({ type: [SharedDocumentSchema] }) shared!: SharedDocumentSchema[];
  @ApiProperty({ type: [PartnerMeetingSchema], description: 'Meetings this kind of partner attended.' }) meetings!: PartnerMeetingSchema[];
  @ApiProperty({ type: [UpcomingMeetingSchema], description: 'Its meetings due next: the programme cadences that count this kind of party (e.g. the landlord each quarter).' })
  upcomingMeetings!: UpcomingMeetingSchema[];
}

export class PartnerTrajectoryListSchema {
  @ApiProperty({ type: [PartnerTrajectorySchema] }) items!: PartnerTrajectorySchema[];
}
