import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isWireDouble } from './wire-double.js';

/**
 * Log-batch arrays hold up to 1,000 entries: checking them with one plain function instead of a
 * nested class-validator pass per entry keeps validation from dominating the request.
 */
const KEY_LIMIT = 1000;
const VALUE_LIMIT = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt64(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  return typeof value === 'string' && /^-?\d{1,18}$/.test(value);
}

function hasOnly(item: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(item).every((key) => allowed.includes(key));
}

const METRIC_FIELDS = [
  'key',
  'value',
  'timestamp',
  'step',
  'model_id',
  'dataset_name',
  'dataset_digest',
  'run_id',
];

export function isMetricEntry(item: unknown): boolean {
  return (
    isRecord(item) &&
    hasOnly(item, METRIC_FIELDS) &&
    typeof item.key === 'string' &&
    item.key.length <= KEY_LIMIT &&
    isWireDouble(item.value) &&
    isInt64(item.timestamp) &&
    (item.step === undefined || isInt64(item.step))
  );
}

export function isKeyValueEntry(item: unknown): boolean {
  return (
    isRecord(item) &&
    hasOnly(item, ['key', 'value']) &&
    typeof item.key === 'string' &&
    item.key.length <= KEY_LIMIT &&
    typeof item.value === 'string' &&
    item.value.length <= VALUE_LIMIT
  );
}

function arrayOf(check: (item: unknown) => boolean, name: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(check),
        defaultMessage: () =>
          `$property must be an array of ${name === 'metricArray' ? '{key, value, timestamp, step?}' : '{key, value}'} objects`,
      },
    },
    options,
  );
}

export function IsMetricArray(options?: ValidationOptions): PropertyDecorator {
  return arrayOf(isMetricEntry, 'metricArray', options);
}

export function IsKeyValueArray(options?: ValidationOptions): PropertyDecorator {
  return arrayOf(isKeyValueEntry, 'keyValueArray', options);
}
