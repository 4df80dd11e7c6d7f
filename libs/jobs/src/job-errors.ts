import { DomainError, type ContractError, type ErrorCode } from '@hydroml/contracts';

/** Thrown by `throwIfCancelled()` when the job's cancellation was requested. */
export class JobCancelledError extends Error {
  constructor() {
    super('the job was cancelled');
    this.name = 'JobCancelledError';
  }
}

/** Codes that describe the input, not the moment: retrying cannot help. */
const PERMANENT: readonly ErrorCode[] = [
  'invalid_argument',
  'failed_precondition',
  'not_found',
  'payload_too_large',
  'permission_denied',
];

export function isPermanentFailure(error: unknown): boolean {
  return error instanceof DomainError && PERMANENT.includes(error.code);
}

/** The readable reason stored on the job row and shown to the user. */
export function toJobError(error: unknown): ContractError {
  if (error instanceof DomainError) return error.toContract();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

/** Exponential backoff between attempts, capped. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
