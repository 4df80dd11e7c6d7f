/** Every error that crosses a service boundary carries one of these codes. */
export const ERROR_CODES = [
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'conflict',
  'failed_precondition',
  'payload_too_large',
  'resource_exhausted',
  'unavailable',
  'deadline_exceeded',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error shape on the wire, between services and to API clients. */
export interface ContractError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  correlationId?: string;
  errorId?: string;
}

/** Thrown by domain and application code; filters turn it into a ContractError. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toContract(correlationId?: string): ContractError {
    return { code: this.code, message: this.message, details: this.details, correlationId };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** True for any object that has the ContractError shape (e.g. parsed from a NATS reply). */
export function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return isErrorCode(candidate.code) && typeof candidate.message === 'string';
}
