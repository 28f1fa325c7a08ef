import type { FastifyInstance, FastifyRequest } from 'fastify';
import { escapeControlCharacters, hasControlCharacter } from '../../../../libs/domain/src';
import type { FieldError } from '../problem-details/problem-details';
import { HttpProblem } from '../problem-details/http-problem';

/**
 * What no route takes: a control character (NUL included) in a path parameter or in a query
 * parameter's name or value (400 control-character), and a query parameter given twice, since every
 * route reads one string per name (400 invalid-query). Checked once for every route, before the
 * guard or a controller touches the values: PostgreSQL refuses NUL in text, so such a value used to
 * reach the database and come back a 500.
 */
export function refusedRequestInput(request: Pick<FastifyRequest, 'params' | 'query'>): HttpProblem | undefined {
  const controls: FieldError[] = [];
  const repeated: FieldError[] = [];
  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && hasControlCharacter(value)) controls.push({ field: `path:${name}`, reason: 'contains a control character' });
  }
  for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const field = `query:${escapeControlCharacters(name)}`;
    const values = Array.isArray(value) ? value : [value];
    if (hasControlCharacter(name) || values.some((v) => typeof v === 'string' && hasControlCharacter(v))) {
      controls.push({ field, reason: 'contains a control character' });
    } else if (values.length > 1) repeated.push({ field, reason: 'given more than once' });
  }
  if (controls.length) return HttpProblem.badRequest('control-character', `${controls[0].field} contains a control character (NUL, ESC...): nothing here takes one.`, controls);
  if (repeated.length) return HttpProblem.badRequest('invalid-query', `Query parameter ${repeated[0].field.slice('query:'.length)} is given more than once.`, repeated);
  return undefined;
}

export function installRequestInputCheck(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const refused = refusedRequestInput(request);
    if (refused) throw refused;
  });
}
