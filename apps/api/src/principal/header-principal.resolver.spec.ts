import { ValidationError } from '../../../../libs/domain/src';
import { HeaderPrincipalResolver } from './header-principal.resolver';

const resolve = (headers: Record<string, string>) => new HeaderPrincipalResolver().resolve({ method: 'POST', url: '/', headers });

describe('development principal from headers', () => {
  it('defaults to the system actor', () => {
    expect(resolve({})).toEqual({ id: 'system', role: 'system' });
  });

  it('reads X-Actor-Id and X-Actor-Role', () => {
    expect(resolve({ 'x-actor-id': 'ref-1', 'x-actor-role': 'referent' })).toEqual({ id: 'ref-1', role: 'referent' });
  });

  it.each([
    [{ 'x-actor-id': 'ref-1' }, 'header:x-actor-role'],
    [{ 'x-actor-role': 'referent' }, 'header:x-actor-id'],
    [{ 'x-actor-id': 'ref 1', 'x-actor-role': 'referent' }, 'header:x-actor-id'],
    [{ 'x-actor-id': 'ref-1', 'x-actor-role': 'king' }, 'header:x-actor-role'],
  ])('refuses %j', (headers, field) => {
    try {
      resolve(headers);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.map((f) => f.field)).toContain(field);
    }
  });
});
