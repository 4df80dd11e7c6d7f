import { DomainError, fromWireDouble, type KeyValueDto, type MetricDto } from '@hydroml/contracts';

/** MLflow's limits (mlflow/utils/validation.py) with its messages, so clients see the same. */
export const LIMITS = {
  metricsPerBatch: 1000,
  paramsTagsPerBatch: 100,
  entitiesPerBatch: 1000,
  batchBytes: 1_000_000,
  keyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 8000,
  experimentTagValueLength: 5000,
  experimentNameLength: 500,
} as const;

const VALID_NAME = /^[/\w.\- ]*$/;

function bad(message: string): DomainError {
  return new DomainError('invalid_argument', message);
}

/** Keys hold alphanumerics, _ - . space /, and may not climb out as a path would. */
export function validateKey(kind: 'metric' | 'param' | 'tag', key: string): void {
  if (key === '') throw bad(`Invalid ${kind} name: ''. Names may not be empty.`);
  if (!VALID_NAME.test(key)) {
    throw bad(
      `Invalid ${kind} name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).`,
    );
  }
  const normalized = key.split('/').filter((part) => part !== '' && part !== '.');
  if (key.startsWith('/') || normalized.includes('..') || normalized.join('/') !== key) {
    throw bad(`Invalid ${kind} name: '${key}'. Names must not resolve to other names as paths.`);
  }
  checkLength(`${kind[0].toUpperCase()}${kind.slice(1)} name`, LIMITS.keyLength, key);
}

export function checkLength(what: string, limit: number, value: string): void {
  if (value.length > limit) {
    throw bad(
      `${what} '${value.slice(0, 250)}' had length ${value.length}, which exceeded length limit of ${limit}`,
    );
  }
}

export function validateParam(param: KeyValueDto): void {
  validateKey('param', param.key);
  checkLength('Param value', LIMITS.paramValueLength, param.value);
}

export function validateTag(tag: KeyValueDto): void {
  validateKey('tag', tag.key);
  checkLength('Tag value', LIMITS.tagValueLength, tag.value);
}

export function validateMetric(metric: { key: string; value: number | string }): void {
  validateKey('metric', metric.key);
}

export interface Batch {
  metrics?: MetricDto[];
  params?: KeyValueDto[];
  tags?: KeyValueDto[];
}

function checkCounts(metrics: number, params: number, tags: number): void {
  if (metrics > LIMITS.metricsPerBatch) {
    throw bad(
      `A batch logging request can contain at most ${LIMITS.metricsPerBatch} metrics. Got ${metrics} metrics.`,
    );
  }
  if (params > LIMITS.paramsTagsPerBatch) {
    throw bad(
      `A batch logging request can contain at most ${LIMITS.paramsTagsPerBatch} params. Got ${params} params.`,
    );
  }
  if (tags > LIMITS.paramsTagsPerBatch) {
    throw bad(
      `A batch logging request can contain at most ${LIMITS.paramsTagsPerBatch} tags. Got ${tags} tags.`,
    );
  }
  const total = metrics + params + tags;
  if (total > LIMITS.entitiesPerBatch) {
    throw bad(
      `A batch logging request can contain at most ${LIMITS.entitiesPerBatch} metrics, params, and tags in total. Got ${total} entities.`,
    );
  }
}

/** MLflow's log-batch rules: counts, total size, key/value limits, one value per param key. */
export function validateBatch(batch: Batch): void {
  const metrics = batch.metrics ?? [];
  const params = batch.params ?? [];
  const tags = batch.tags ?? [];
  checkCounts(metrics.length, params.length, tags.length);
  const bytes = Buffer.byteLength(JSON.stringify({ metrics, params, tags }));
  if (bytes > LIMITS.batchBytes) {
    throw bad(
      `Batched logging API requests must be at most ${LIMITS.batchBytes} bytes, got a request of size ${bytes}.`,
    );
  }
  // A batch repeats its metric keys (one per step): each distinct key is checked once.
  const checked = new Set<string>();
  for (const metric of metrics) {
    if (checked.has(metric.key)) continue;
    validateMetric(metric);
    checked.add(metric.key);
  }
  params.forEach(validateParam);
  tags.forEach(validateTag);
  const seen = new Map<string, string>();
  for (const param of params) {
    const previous = seen.get(param.key);
    if (previous !== undefined && previous !== param.value) {
      throw bad(
        `Duplicate parameter keys have been submitted: '${param.key}' with different values.`,
      );
    }
    seen.set(param.key, param.value);
  }
}

export interface MetricRow {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export function toMetricRows(metrics: MetricDto[]): MetricRow[] {
  return metrics.map((m) => ({
    key: m.key,
    value: fromWireDouble(m.value),
    // int64 may arrive as JSON text (protobuf's JSON mapping)
    timestamp: Number(m.timestamp),
    step: Number(m.step ?? 0),
  }));
}
