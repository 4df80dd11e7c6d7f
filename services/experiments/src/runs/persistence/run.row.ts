import type {
  DatasetInputView,
  KeyValue,
  MetricView,
  RunInfoView,
  RunStatus,
  RunView,
} from '@hydroml/contracts';
import { uuidToHex } from '../../tracking/domain/ids.js';

export interface RunRow {
  id: string;
  experiment_num: string;
  project_id: string;
  name: string;
  user_id: string;
  status: RunStatus;
  start_time: string;
  end_time: string | null;
  artifact_uri: string;
  lifecycle_stage: 'active' | 'deleted';
}

export interface RunDataRow extends RunRow {
  metrics: MetricView[];
  params: KeyValue[];
  tags: KeyValue[];
  dataset_inputs: DatasetInputView[];
  total?: string;
}

export const RUN_COLUMNS = `r.id, e.num AS experiment_num, e.project_id, r.name, r.user_id,
  r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage`;

/** json aggregates of a run's latest metrics, params and tags (`keys`: an optional projection). */
export function runDataColumns(alias: string, keys?: string): string {
  const only = keys ? ` AND x.key = ANY(${keys}::text[])` : '';
  const pairs = (table: string): string =>
    `(SELECT coalesce(json_agg(json_build_object('key', x.key, 'value', x.value) ORDER BY x.key), '[]')
       FROM ${table} x WHERE x.run_id = ${alias}.id${only})`;
  return `(SELECT coalesce(json_agg(json_build_object('key', x.key, 'value', x.value,
       'timestamp', x.timestamp, 'step', x.step) ORDER BY x.key), '[]')
       FROM latest_metrics x WHERE x.run_id = ${alias}.id${only}) AS metrics,
    ${pairs('params')} AS params, ${pairs('tags')} AS tags,
    (SELECT coalesce(json_agg(json_build_object(
       'tags', (SELECT coalesce(json_agg(json_build_object('key', t.key, 'value', t.value)
                ORDER BY t.key), '[]') FROM input_tags t WHERE t.input_id = i.id),
       'dataset', json_strip_nulls(json_build_object('name', d.name, 'digest', d.digest,
         'source_type', d.source_type, 'source', d.source, 'schema', d.schema,
         'profile', d.profile))) ORDER BY d.name, d.digest), '[]')
     FROM inputs i JOIN datasets d ON d.id = i.dataset_id WHERE i.run_id = ${alias}.id) AS dataset_inputs`;
}

export function toRunInfo(row: RunRow): RunInfoView {
  const hex = uuidToHex(row.id);
  const info: RunInfoView = {
    run_id: hex,
    run_uuid: hex,
    run_name: row.name,
    experiment_id: String(row.experiment_num),
    user_id: row.user_id,
    status: row.status,
    start_time: Number(row.start_time),
    artifact_uri: row.artifact_uri,
    lifecycle_stage: row.lifecycle_stage,
  };
  if (row.end_time !== null) info.end_time = Number(row.end_time);
  return info;
}

export function toRunView(row: RunDataRow): RunView {
  return {
    info: toRunInfo(row),
    data: { metrics: row.metrics, params: row.params, tags: row.tags },
    inputs: { dataset_inputs: row.dataset_inputs },
  };
}
