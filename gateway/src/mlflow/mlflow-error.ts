import type { ErrorCode } from '@hydroml/contracts';

export interface MlflowError {
  status: number;
  errorCode: string;
}

/** Our error codes as MLflow's `error_code` names and the HTTP statuses its server uses. */
export const MLFLOW_ERRORS: Record<ErrorCode, MlflowError> = {
  invalid_argument: { status: 400, errorCode: 'INVALID_PARAMETER_VALUE' },
  unauthenticated: { status: 401, errorCode: 'UNAUTHENTICATED' },
  permission_denied: { status: 403, errorCode: 'PERMISSION_DENIED' },
  not_found: { status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' },
  conflict: { status: 400, errorCode: 'RESOURCE_ALREADY_EXISTS' },
  failed_precondition: { status: 400, errorCode: 'INVALID_STATE' },
  payload_too_large: { status: 400, errorCode: 'INVALID_PARAMETER_VALUE' },
  resource_exhausted: { status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED' },
  unavailable: { status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE' },
  deadline_exceeded: { status: 504, errorCode: 'DEADLINE_EXCEEDED' },
  internal: { status: 500, errorCode: 'INTERNAL_ERROR' },
};
