import { ApiProperty } from '@nestjs/swagger';

/* OpenAPI shapes of GET /commands (documentation only; the descriptions come from workflows/trajectory). */

class BilingualSchema {
  @ApiProperty({ example: 'Enregistrer un point' }) fr!: string;
  @ApiProperty({ example: 'Record a point' }) en!: string;
}

export class CommandDescriptionSchema {
  @ApiProperty({ example: 'record-point' }) name!: string;
  @ApiProperty({ type: BilingualSchema }) labels!: BilingualSchema;
  @ApiProperty({ type: BilingualSchema }) descriptions!: BilingualSchema;
  @ApiProperty({ example: false, description: 'True for receive-saisine, sent to POST /trajectories; the others go to POST /trajectories/{id}/commands/{name}.' })
  opensTrajectory!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema (draft-07) of the request body, exactly the one the server validates with; `x-labels` gives each field’s French and English label.',
    example: { type: 'object', properties: { occurredAt: { type: 'string', format: 'date' } }, required: ['occurredAt'], additionalProperties: false },
  })
  schema!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, example: [{ occurredAt: '2026-03-02', briqueCode: '2.1', mode: 'home-visit' }] })
  examples!: Record<string, unknown>[];
  @ApiProperty({ example: ['PointRecorded'], description: 'The events it may record.' }) events!: string[];
  @ApiProperty({ example: ['invalid-payload', 'command-not-allowed', 'brique-not-active'], description: 'Every refusal code it may answer.' })
  refusals!: string[];
}

export class CommandDescriptionListSchema {
  @ApiProperty({ type: [CommandDescriptionSchema] }) commands!: CommandDescriptionSchema[];
}
