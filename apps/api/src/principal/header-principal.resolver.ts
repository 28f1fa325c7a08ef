import { Injectable } from '@nestjs/common';
import { ROLES, type Role, ValidationError } from '../../../../libs/domain/src';
import { type Principal, type PrincipalRequest, type PrincipalResolver, SYSTEM_PRINCIPAL } from './principal';

const ACTOR_ID = /^[A-Za-z0-9._@:-]{1,128}$/;

/**
 * Development resolver: trusts X-Actor-Id / X-Actor-Role and falls back to the 'system' actor.
 * It authenticates nobody; it exists so that events carry a meaningful actor until the JWT
 * resolver replaces it. Never expose an API using it beyond a trusted network.
 */
@Injectable()
export class HeaderPrincipalResolver implements PrincipalResolver {
  resolve(request: PrincipalRequest): Principal {
    const id = single(request.headers['x-actor-id']);
    const role = single(request.headers['x-actor-role']);
    if (id === undefined && role === undefined) return SYSTEM_PRINCIPAL;
    const errors: { field: string; reason: string }[] = [];
    if (id === undefined) errors.push({ field: 'header:x-actor-id', reason: 'required when X-Actor-Role is sent' });
    else if (!ACTOR_ID.test(id)) {
      errors.push({ field: 'header:x-actor-id', reason: 'must be 1-128 characters among letters, digits and . _ @ : -' });
    }
    if (role === undefined) errors.push({ field: 'header:x-actor-role', reason: 'required when X-Actor-Id is sent' });
    else if (!(ROLES as readonly string[]).includes(role)) {
      errors.push({ field: 'header:x-actor-role', reason: `must be one of ${ROLES.join(', ')}` });
    }
    if (errors.length) throw new ValidationError('The actor headers are invalid.', errors, 'invalid-actor');
    return { id: id as string, role: role as Role };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const trimmed = v?.trim();
  return trimmed ? trimmed : undefined;
}
