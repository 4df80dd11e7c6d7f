import type { Principal } from '@hydroml/contracts';

export const STUDY_TRIAL_JOB = 'study.trial';

export interface TrialJobPayload {
  studyId: string;
  principal: Principal;
  correlationId: string;
}

/** A study's objective: maximise scores, minimise errors, unless the request says otherwise. */
export const MAXIMIZED = new Set([
  ...['r2', 'explained_variance', 'nse', 'kge', 'kge_prime', 'accuracy', 'balanced_accuracy'],
  ...['precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc'],
]);
