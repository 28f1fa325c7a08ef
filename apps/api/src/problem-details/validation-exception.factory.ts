import { ValidationPipe } from '@nestjs/common';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '../../../../libs/domain/src';
import type { FieldError } from './problem-details';

/** Flattens class-validator's tree into one entry per failing field, with dotted paths (personal.phone, briques.0.code). */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) {
      out.push({ field: field || '(body)', reason: stripPropertyName(reason, error.property) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** class-validator messages start with the property name, which `field` already carries. */
function stripPropertyName(reason: string, property: string): string {
  return property && reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const summary = fields.length === 1 ? `${fields[0].field}: ${fields[0].reason}` : `${fields.length} fields are invalid`;
      return new ValidationError(`The request is invalid (${summary}).`, fields);
    },
  });
}
