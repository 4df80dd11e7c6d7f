import type { JobView } from '../jobs/jobs.views.js';

export type StudyStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED';

export interface TrialView {
  number: number;
  state: 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAIL' | 'WAITING';
  value: number | null;
  params: Record<string, string | number | boolean | null>;
  intermediate: Array<[number, number]>;
  /** The trial's nested MLflow run (32 hex), when a worker of the service ran it. */
  runId: string | null;
  failReason: string | null;
  /** `host:pid` of the process that ran it. */
  worker: string | null;
  /** The job that ran it (follow its progress at /jobs/:id/events), for trials the service ran. */
  jobId: string | null;
  external: boolean;
  start: string | null;
  complete: string | null;
}

export interface RegisteredBest {
  name: string;
  version: string;
  alias: string | null;
}

/**
 * `registered`; `pending` (registered when the running study ends, or registrable then);
 * `not_registered` (not asked at creation, or not done: see `reason`); `no_model` (the best trial
 * was told by an external worker, so HydroML holds no model of it); `no_trial` (none completed).
 */
export type BestModelStatus = 'registered' | 'pending' | 'not_registered' | 'no_model' | 'no_trial';

export interface BestModelView {
  status: BestModelStatus;
  /** The best trial the status is about, when there is one. */
  trialNumber: number | null;
  registered: RegisteredBest | null;
  /** Why the model is not registered (null once it is). */
  reason: string | null;
  /** True when POST /studies/:id/register would register it now. */
  registrable: boolean;
}

export interface StudyView {
  id: string;
  projectId: string;
  name: string;
  status: StudyStatus;
  metric: string;
  direction: 'minimize' | 'maximize';
  sampler: string;
  pruner: string;
  budget: { trials: number; timeoutSeconds: number | null };
  parallelism: number;
  parentRunId: string | null;
  experimentId: string | null;
  trials: TrialView[];
  best: TrialView | null;
  /** Share of the objective's rank variance each parameter explains (sums to 1). */
  importance: Record<string, number>;
  plots: {
    history: Array<{ number: number; value: number; best: number }>;
    parallel: { params: string[]; rows: Array<{ number: number; value: number; params: object }> };
    slice: Record<string, Array<{ number: number; x: unknown; value: number }>>;
    intermediate: Array<{ number: number; state: string; steps: Array<[number, number]> }>;
  };
  registered: RegisteredBest | null;
  /** The best trial's model in the registry: registered, or why not and whether it can be. */
  bestModel: BestModelView;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface StudyAccepted {
  study: StudyView;
  jobs: JobView[];
}

export interface AskedTrial {
  trialNumber: number;
  params: Record<string, string | number | boolean | null>;
}

/** A study in one of these states takes no more trials. */
export const TERMINAL_STUDY_STATUSES: readonly StudyStatus[] = ['FINISHED', 'FAILED', 'CANCELLED'];

/**
 * Published on `events.studies.<studyId>` when one of its trials ends or the study closes: a nudge
 * to read the study again (it carries no study data, so access stays with the read).
 */
export interface StudyNudge {
  studyId: string;
  reason: 'trial' | 'state';
  at: string;
}

/** Subject of a study's nudges (before the environment's subject prefix). */
export function studyEventsSubject(studyId: string): string {
  return `events.studies.${studyId}`;
}
