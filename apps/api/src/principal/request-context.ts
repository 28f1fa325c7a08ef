import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Unauthenticated } from '../../../../libs/auth/src';
import type { Principal, RequestWithPrincipal } from './principal';

/** Who asked and under which correlation id: what a command handler writes into event metadata. */
export interface RequestContext {
  actor: Principal;
  correlationId: string;
}

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
  // Only a public route lacks a principal, and a public route must not write in anyone's name.
  if (!request.principal) throw new Unauthenticated('missing');
  return { actor: request.principal, correlationId: request.id };
});
