import type { CallContext, Principal, PreflightResult } from '@hydroml/contracts';

export const TRAINING_JOB = 'training';

export interface TrainingJobPayload {
  trainingId: string;
  principal: Principal;
  correlationId: string;
  preflight: PreflightResult | null;
}

/** The call context a job acts with: the user who asked, without a deadline. */
export function callOf(payload: { principal: Principal; correlationId: string }): CallContext {
  return { principal: payload.principal, correlationId: payload.correlationId };
}
