/** Error codes raised by the HPO engine; callers branch on `code`, never on the message. */
export type HpoErrorCode =
  | 'INVALID_DISTRIBUTION'
  | 'INVALID_VALUE'
  | 'INVALID_STATE'
  | 'NOT_FOUND'
  | 'NO_COMPLETED_TRIALS'
  | 'MULTI_OBJECTIVE';

/**
 * Domain error of the HPO engine. Messages mirror Optuna's (3.x) ValueError texts so users who know
 * Optuna recognise them.
 */
export class HpoError extends Error {
  constructor(
    readonly code: HpoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HpoError';
  }
}

/** Thrown by an objective (or `trial.prune()`) to stop a trial early; the study records it PRUNED. */
export class TrialPruned extends Error {
  constructor(message = 'Trial was pruned.') {
    super(message);
    this.name = 'TrialPruned';
  }
}
