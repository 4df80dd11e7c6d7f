import { DomainError } from '@hydroml/contracts';

interface QueryErrorShape {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

const TIMEOUT_CODES = new Set([
  '57014',
  'ER_QUERY_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'TIMEOUT',
]);
const TIMEOUT_ERRNOS = new Set([1969, 3024]);

/** A failed query as a contract error: timeouts are 504, the database's own complaints are 400. */
export function queryError(error: unknown, timeoutMs: number): DomainError {
  if (error instanceof DomainError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as QueryErrorShape;
  const code = typeof shape.code === 'string' ? shape.code : '';
  const message = typeof shape.message === 'string' ? shape.message : 'query failed';
  if (
    TIMEOUT_CODES.has(code) ||
    TIMEOUT_ERRNOS.has(Number(shape.errno)) ||
    /timeout|timed out/i.test(message)
  ) {
    return new DomainError('deadline_exceeded', `the query was cancelled after ${timeoutMs} ms`);
  }
  if (code === '25006' || /read-only|read only/i.test(message)) {
    return new DomainError('invalid_argument', 'the query tried to write; only reads are allowed');
  }
  return new DomainError('invalid_argument', `the database refused the query: ${message}`);
}
