import type { ColumnSchema, MlTask } from '@hydroml/contracts';
import type { FeatureColumn } from '../domain/train-types.js';

/** At most this many distinct integer values make an integer target a class label. */
export const MAX_INFERRED_CLASSES = 20;

/** Column types a model can read (dates become epoch seconds when named explicitly). */
export const FEATURE_TYPES = new Set(['integer', 'float', 'boolean', 'string']);

export function isCategorical(column: ColumnSchema): boolean {
  return column.type === 'string';
}

export function inferTask(target: ColumnSchema, distinct: number): MlTask {
  if (target.type === 'string' || target.type === 'boolean') return 'classification';
  if (target.type === 'integer' && distinct <= MAX_INFERRED_CLASSES) return 'classification';
  return 'regression';
}

export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return NaN;
}

export function toLabel(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** Strings as codes into a sorted dictionary (missing -> NaN); one hash lookup per value. */
export function encodeNew(values: ArrayLike<unknown>): {
  codes: Float64Array;
  categories: string[];
} {
  const n = values.length;
  const seen = new Map<string, number>();
  const firstSeen = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = toLabel(values[i]);
    let k = label === null ? -1 : seen.get(label);
    if (k === undefined && label !== null) {
      k = seen.size;
      seen.set(label, k);
    }
    firstSeen[i] = k ?? -1;
  }
  const categories = [...seen.keys()].sort();
  const rank = new Float64Array(seen.size);
  categories.forEach((c, r) => (rank[seen.get(c) ?? 0] = r));
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) codes[i] = firstSeen[i] < 0 ? NaN : rank[firstSeen[i]];
  return { codes, categories };
}

/** Strings as codes into a known dictionary; unseen values are missing (NaN). */
export function encodeKnown(
  values: ArrayLike<unknown>,
  categories: readonly string[],
): Float64Array {
  const index = new Map(categories.map((c, i) => [c, i]));
  return Float64Array.from(Array.from(values, toLabel), (l) =>
    l === null ? NaN : (index.get(l) ?? NaN),
  );
}

/** A feature column for training, with a fresh dictionary when categorical. */
export function trainingColumn(
  name: string,
  categorical: boolean,
  values: ArrayLike<unknown>,
): FeatureColumn {
  if (!categorical) {
    const numbers = values instanceof Float64Array ? values : Float64Array.from(values, toNumber);
    return { name, kind: 'numeric', values: numbers };
  }
  const { codes, categories } = encodeNew(values);
  return { name, kind: 'categorical', values: codes, categories };
}
