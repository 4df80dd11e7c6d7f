import { DomainError } from '@hydroml/contracts';
import type { ValidationError } from 'class-validator';

/** Flattens class-validator errors into readable messages ("email must be ...; password ..."). */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const messages: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      messages.push(
        message.startsWith(error.property)
          ? `${parent ? `${parent}.` : ''}${message}`
          : `${path}: ${message}`,
      );
    }
    messages.push(...describeValidationErrors(error.children ?? [], path));
  }
  return messages;
}

/** The ValidationPipe exceptionFactory shared by the gateway and every service. */
export function validationErrorFactory(errors: ValidationError[]): DomainError {
  const messages = describeValidationErrors(errors);
  return new DomainError('invalid_argument', messages.join('; ') || 'invalid request', {
    fields: messages,
  });
}

export const VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationErrorFactory,
} as const;
