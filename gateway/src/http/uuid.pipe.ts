import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@hydroml/contracts';

/** Path ids must be UUIDs: anything else is a 400 in the contract shape, never a 500. */
export const UUID = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('invalid_argument', 'id must be a UUID'),
});
