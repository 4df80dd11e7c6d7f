import { DomainError } from '@hydroml/contracts';

/**
 * A step the user can fix: bad params, a missing column, a wrong type. Always an
 * `invalid_argument` (HTTP 400); the message names the field or column, `details.field` the param.
 */
export class StepError extends DomainError {
  constructor(message: string, field?: string) {
    super('invalid_argument', message, field === undefined ? undefined : { field });
    this.name = 'StepError';
  }
}
