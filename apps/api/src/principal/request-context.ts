import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { SYSTEM_PRINCIPAL, type Principal } from './principal';
import type { RequestWithPrincipal } from './principal.guard';

/** Who asked and under which correlation id: what a command handler writes into event metadata. */
export interface RequestContext {
  actor: Principal;
  correlationId: string;
}

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
  return { actor: request.principal ?? SYSTEM_PRINCIPAL, correlationId: request.id };
});
