import type { WireDouble } from './wire-double.js';

/** MLflow's wire shapes (snake_case, int64 as JSON numbers, enums as names). */
export interface KeyValue {
  key: string;
  value: string;
}

export interface ExperimentView {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  creation_time: number;
  last_update_time: number;
  tags: KeyValue[];
}

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunInfoView {
  run_id: string;
  run_uuid: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: 'active' | 'deleted';
}

export interface MetricView {
  key: string;
  value: WireDouble;
  timestamp: number;
  step: number;
}

export interface DatasetView {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

export interface DatasetInputView {
  tags: KeyValue[];
  dataset: DatasetView;
}

export interface RunView {
  info: RunInfoView;
  data: { metrics: MetricView[]; params: KeyValue[]; tags: KeyValue[] };
  inputs: { dataset_inputs: DatasetInputView[] };
}

export interface CreateExperimentResult {
  experiment_id: string;
}

export interface ExperimentResult {
  experiment: ExperimentView;
}

export interface SearchExperimentsResult {
  experiments: ExperimentView[];
  next_page_token?: string;
}

export interface RunResult {
  run: RunView;
}

export interface UpdateRunResult {
  run_info: RunInfoView;
}

export interface SearchRunsResult {
  runs: RunView[];
  next_page_token?: string;
  /** Native endpoint only: the number of matching runs. */
  total?: number;
}

export interface MetricHistoryResult {
  metrics: MetricView[];
  next_page_token?: string;
}

/** MLflow answers successful writes with an empty object. */
export type Empty = Record<string, never>;
