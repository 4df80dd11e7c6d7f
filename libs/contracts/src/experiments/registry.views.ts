import type { KeyValue } from './tracking.views.js';

/** MLflow's model registry wire shapes (model_registry.proto). */
export const MODEL_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

export interface ModelVersionView {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  user_id: string;
  current_stage: ModelStage;
  description: string;
  source: string;
  run_id: string;
  run_link: string;
  status: 'READY';
  tags: KeyValue[];
  aliases: string[];
}

export interface RegisteredModelView {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  user_id: string;
  description: string;
  latest_versions: ModelVersionView[];
  tags: KeyValue[];
  aliases: Array<{ alias: string; version: string }>;
}

export interface RegisteredModelResult {
  registered_model: RegisteredModelView;
}

export interface SearchRegisteredModelsResult {
  registered_models: RegisteredModelView[];
  next_page_token?: string;
}

export interface ModelVersionResult {
  model_version: ModelVersionView;
}

export interface ModelVersionsResult {
  model_versions: ModelVersionView[];
  next_page_token?: string;
}

export interface DownloadUriResult {
  artifact_uri: string;
}
