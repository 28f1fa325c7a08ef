import { DomainError } from '../../domain/src';

/** Deliberately vague: telling a caller why a signature failed helps only an attacker. */
export class Unauthenticated extends DomainError {
  constructor(reason: 'missing' | 'invalid') {
    super(
      reason === 'missing' ? 'authentication-required' : 'invalid-token',
      reason === 'missing' ? 'A bearer token is required.' : 'The bearer token is invalid or expired.',
      'unauthorized',
    );
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Your role does not allow this.', code = 'forbidden') {
    super(code, message, 'forbidden');
  }
}
