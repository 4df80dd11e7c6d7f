import type { ErrorCode } from '@hydroml/contracts';

/** The one table mapping contract error codes to HTTP statuses (exhaustive by type). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  failed_precondition: 412,
  payload_too_large: 413,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
  deadline_exceeded: 504,
};

/** The reverse, for errors raised by the HTTP layer itself (body parser, router, limits). */
export function codeForHttpStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 415:
    case 422:
      return 'invalid_argument';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'permission_denied';
    case 404:
    case 405:
      return 'not_found';
    case 409:
      return 'conflict';
    case 412:
      return 'failed_precondition';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'resource_exhausted';
    case 503:
      return 'unavailable';
    case 504:
      return 'deadline_exceeded';
    default:
      return status >= 400 && status < 500 ? 'invalid_argument' : 'internal';
  }
}
