import type { ContractError } from '../errors.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job reached one of these and never changes again. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export function isTerminalJobStatus(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/** What a job acts on, so access to the job follows access to that resource. */
export interface JobResource {
  type: 'project' | 'data_source';
  id: string;
}

export interface JobView {
  id: string;
  /** What the job does within its service, e.g. `ingest` (queued on `jobs.<service>.<kind>`). */
  kind: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  message: string | null;
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
  error: ContractError | null;
  result: Record<string, unknown> | null;
  resource: JobResource | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Published on `events.jobs.<jobId>` at every state change and progress step. */
export interface JobEvent {
  type: 'state' | 'progress';
  job: JobView;
  at: string;
}

/** Subject of a job's live events (before the environment's subject prefix). */
export function jobEventsSubject(jobId: string): string {
  return `events.jobs.${jobId}`;
}
