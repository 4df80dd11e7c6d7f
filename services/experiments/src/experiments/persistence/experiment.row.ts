import type { ExperimentView, KeyValue } from '@hydroml/contracts';

export interface ExperimentRow {
  id: string;
  num: string;
  project_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  creation_time: string;
  last_update_time: string;
  tags: KeyValue[];
}

export const EXPERIMENT_COLUMNS = `e.id, e.num, e.project_id, e.name, e.artifact_location,
  e.lifecycle_stage, e.creation_time, e.last_update_time,
  (SELECT coalesce(json_agg(json_build_object('key', t.key, 'value', t.value) ORDER BY t.key), '[]')
     FROM experiment_tags t WHERE t.experiment_id = e.id) AS tags`;

export function toExperimentView(row: ExperimentRow): ExperimentView {
  return {
    experiment_id: String(row.num),
    name: row.name,
    artifact_location: row.artifact_location,
    lifecycle_stage: row.lifecycle_stage,
    creation_time: Number(row.creation_time),
    last_update_time: Number(row.last_update_time),
    tags: row.tags,
  };
}
