import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({ example: 'personal.phone' }) field!: string;
  @ApiProperty({ example: 'must be a phone number' }) reason!: string;
  @ApiPropertyOptional({ example: 'doit être un numéro de téléphone', description: 'The reason in French, for trajectory command bodies.' }) reasonFr?: string;
}

/** The OpenAPI shape of every error body (RFC 9457); documentation only, never instantiated. */
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'urn:accompagnement:problem:command-not-allowed', description: 'urn:accompagnement:problem:<code>' }) type!: string;
  @ApiProperty({ example: 'Conflict' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ example: '"sign-contract" is not possible at the diagnostic stage.' }) detail!: string;
  @ApiProperty({ example: '/trajectories/0b5c.../commands/sign-contract' }) instance!: string;
  @ApiProperty({ example: 'command-not-allowed', description: 'Stable machine-readable reason: switch on it, never on `detail`.' }) code!: string;
  @ApiPropertyOptional({ example: 'f6a1c9e2-3d44-4c55-9f0e-1a2b3c4d5e6f' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Validation failures, one per field (400).' })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ example: 'diagnostic', description: 'Current stage (refused transitions).' }) stage?: string;
  @ApiPropertyOptional({ example: ['record-diagnostic-step', 'conclude-diagnostic'] }) allowedCommands?: string[];
}
