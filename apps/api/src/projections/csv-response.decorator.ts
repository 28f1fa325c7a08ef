import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';

/**
 * The 200 of a route that answers JSON or, on request, CSV (csv-negotiation.ts decides): both media
 * types, the `format` parameter, and the CSV's conventions, so a generated client knows either body.
 * (OpenAPI ignores a declared `Accept` header parameter: the media types below are how it is stated.)
 */
export function ApiJsonOrCsv(type: Type<unknown>, description: string, csvExample: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(type),
    ApiQuery({
      name: 'format',
      required: false,
      enum: ['json', 'csv'],
      description: 'csv: the same figures as a spreadsheet file, for a link a browser follows; same as `Accept: text/csv`.',
    }),
    ApiOkResponse({
      description: `${description} JSON by default; CSV with \`Accept: text/csv\` or \`?format=csv\` (UTF-8 with a BOM, \`;\` separators, decimal commas, CRLF, French headers, Content-Disposition: attachment).`,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        'text/csv': { schema: { type: 'string' }, example: csvExample },
      },
    }),
  );
}
