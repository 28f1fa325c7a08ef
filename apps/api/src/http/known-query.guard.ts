import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { escapeControlCharacters } from '../../../../libs/domain/src';
import { HttpProblem } from '../problem-details/http-problem';

/**
 * The query parameters a handler reads, from its own @Query('name') arguments: what the controller
 * takes is what is accepted, with no second list to keep in step. `undefined` when a handler takes
 * the whole query object (@Query() without a name): it then decides for itself.
 */
export function acceptedQueryOf(controller: object, handler: string): string[] | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, { data?: unknown }>;
  const names: string[] = [];
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data !== 'string') return undefined;
    names.push(arg.data);
  }
  return names.sort();
}

/**
 * A query parameter the route does not know is refused (400 unknown-query-parameter, naming it and
 * the accepted ones) rather than ignored: `/caseload?referentId=x` used to answer everyone's caseload.
 * A guard, registered right after the authentication guard (AuthModule), so an anonymous caller
 * still gets 401 first. Not an interceptor: a single global interceptor made Nest run every
 * request of every route through an rxjs pipeline, which cost more than this check.
 */
@Injectable()
export class KnownQueryGuard implements CanActivate {
  private readonly accepted = new WeakMap<object, string[] | undefined>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const accepted = this.acceptedFor(context);
    if (accepted) {
      const query = (context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(query).filter((name) => !accepted.includes(name));
      if (unknown.length) {
        const shown = unknown.map((n) => escapeControlCharacters(n.slice(0, 64)));
        throw new HttpProblem(
          400,
          'unknown-query-parameter',
          `Unknown query parameter${shown.length > 1 ? 's' : ''} ${shown.join(', ')}; ` +
            (accepted.length ? `this route accepts ${accepted.join(', ')}.` : 'this route takes no query parameter.'),
          { unknown: shown, accepted, errors: shown.map((n) => ({ field: `query:${n}`, reason: 'not a parameter of this route' })) },
        );
      }
    }
    return true;
  }

  private acceptedFor(context: ExecutionContext): string[] | undefined {
    const handler = context.getHandler();
    if (!this.accepted.has(handler)) this.accepted.set(handler, acceptedQueryOf(context.getClass(), handler.name));
    return this.accepted.get(handler);
  }
}
