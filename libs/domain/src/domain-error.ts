/**
 * Every refusal the engine can give carries a stable, kebab-case code. Clients and the problem-details
 * filter rely on the code, never on the message, which is written for people and may be reworded.
 */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'precondition' | 'forbidden' | 'unauthorized' | 'too-large';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fields: { field: string; reason: string }[] = [],
    code = 'invalid-input',
  ) {
    super(code, message, 'validation', { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'not-found');
  }
}
