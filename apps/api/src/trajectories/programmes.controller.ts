import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Programme } from '../../../../workflows/programmes/src';
import type { Catalogue } from './catalogue';
import { CATALOGUE } from './trajectory.tokens';

class ProgrammeSummarySchema {
  @ApiProperty({ example: 'asll-departement-x' }) code!: string;
  @ApiProperty({ example: 'ASLL — Département X' }) title!: string;
  @ApiProperty({ example: 12, description: 'The measure’s length in months, before renewals.' }) durationMonths!: number;
  @ApiProperty({ example: ['2.1', '2.5'], description: 'The brique codes a measure under this programme may start.' }) allowedBriques!: string[];
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: {
      type: 'object',
      properties: { title: { type: 'string' }, values: { type: 'array', items: { type: 'string' } }, required: { type: 'boolean' } },
      required: ['title', 'values'],
    },
    example: { orientation: { title: 'Orientation', values: ['fsl', 'bailleur'], required: true } },
    description: "The programme's own categorical saisine fields: name -> its title and value codes (receive-saisine's `fields`).",
  })
  saisineFields?: Record<string, { title: string; values: string[]; required?: boolean }>;
}

export class ProgrammeListSchema {
  @ApiProperty({ type: [ProgrammeSummarySchema] }) programmes!: ProgrammeSummarySchema[];
}

/** What a saisine form offers: the catalogue's programmes (no prices, no funders' shares). */
export function programmeSummary(programme: Programme): ProgrammeSummarySchema {
  return {
    code: programme.code,
    title: programme.title,
    durationMonths: programme.durationMonths,
    allowedBriques: [...programme.allowedBriques],
    ...(programme.saisineFields ? { saisineFields: structuredClone(programme.saisineFields) } : {}),
  };
}

@ApiTags('trajectories')
@Controller('programmes')
export class ProgrammesController {
  constructor(@Inject(CATALOGUE) private readonly catalogue: Catalogue) {}

  @Get()
  @ApiOperation({ summary: 'The programmes a saisine may name', description: 'Code, title, length and briques of each programme loaded at start-up, by title.' })
  @ApiOkResponse({ type: ProgrammeListSchema })
  list(): ProgrammeListSchema {
    return { programmes: this.catalogue.programmes.all().map(programmeSummary).sort((a, b) => a.title.localeCompare(b.title, 'fr')) };
  }
}
