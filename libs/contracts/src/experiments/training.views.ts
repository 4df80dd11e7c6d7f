import type { MlTask, PreflightIssue } from '../data-tools/quality.views.js';
import type { JobView } from '../jobs/jobs.views.js';
import type { ModelType } from './training.dto.js';

export type TrainingStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED';

export interface TrainingView {
  id: string;
  projectId: string;
  status: TrainingStatus;
  jobId: string;
  /** The MLflow run (32 hex) once the job has started. */
  runId: string | null;
  experimentId: string | null;
  task: MlTask | null;
  modelType: ModelType;
  spec: Record<string, unknown>;
  specHash: string;
  /** Mean test/validation metrics once finished. */
  metrics: Record<string, number>;
  warnings: PreflightIssue[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface TrainingAccepted {
  training: TrainingView;
  job: JobView;
}

/** Immediate predictions (JSON rows) or the job that writes a new version. */
export interface PredictionResult {
  predictions?: Array<number | string | null>;
  /** Classifiers: one probability per class, classes as in `classes`. */
  probabilities?: number[][];
  classes?: string[];
  /**
   * JSON rows through a model with a recipe: the input row (0-based) each prediction is for, as
   * the recipe may drop rows (e.g. rows with missing values) or put them in another order.
   */
  rows?: number[];
  job?: JobView;
}

export interface ModelFileLocation {
  blobKey: string;
  fileName: string;
}
