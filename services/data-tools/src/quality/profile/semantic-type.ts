import type { SemanticType } from '@hydroml/contracts';
import type { BasicStats } from './profile.internal.js';

/** ydata-profiling's `vars.num.low_categorical_threshold`: numbers with this few values are categories. */
export const LOW_CATEGORICAL_THRESHOLD = 5;
/** ydata-profiling's `vars.cat.cardinality_threshold` (also our text/categorical boundary). */
export const CARDINALITY_THRESHOLD = 50;
/** A text column whose values (null-like ones aside) read as numbers or dates this often is one. */
export const PARSEABLE_SHARE = 0.8;
/** Below this many rows, "every value distinct" says nothing about being an identifier. */
const MIN_ROWS_FOR_ID = 10;

/** Values of a text column that are not null-like tokens. */
export function meaningfulText(s: BasicStats): number {
  const nullLike = s.nullLike.reduce((sum, v) => sum + v.count, 0);
  return s.count - nullLike;
}

export function numericShare(s: BasicStats): number {
  const n = meaningfulText(s);
  return s.text && n > 0 ? s.text.numeric / n : 0;
}

export function dateShare(s: BasicStats): number {
  const n = meaningfulText(s);
  return s.text && n > 0 ? s.text.dates / n : 0;
}

export function isIdLike(s: BasicStats, rows: number): boolean {
  if (s.kind !== 'string' && s.column.type !== 'integer') return false;
  return (
    rows >= MIN_ROWS_FOR_ID && s.count === rows && s.distinct === rows && !s.distinctApproximate
  );
}

/** What a column holds, beyond its storage type. */
export function semanticTypeOf(s: BasicStats, rows: number): SemanticType {
  if (s.count === 0) return 'empty';
  if (s.distinct === 1) return 'constant';
  if (s.kind === 'boolean') return 'boolean';
  if (s.kind === 'temporal') return 'datetime';
  if (isIdLike(s, rows)) return 'id_like';
  if (s.kind === 'numeric') {
    return s.distinct <= LOW_CATEGORICAL_THRESHOLD ? 'categorical' : 'numeric';
  }
  if (s.kind === 'string') {
    if (numericShare(s) >= PARSEABLE_SHARE) return 'numeric';
    if (dateShare(s) >= PARSEABLE_SHARE) return 'datetime';
    const many = s.distinct > CARDINALITY_THRESHOLD && s.distinct > s.count / 2;
    return many ? 'text' : 'categorical';
  }
  return 'text';
}

/** ydata-profiling's imbalance: 1 - entropy(counts, base 2) / log2(classes); 0 for one class. */
export function imbalanceScore(counts: readonly number[]): number {
  const k = counts.filter((c) => c > 0);
  if (k.length < 2) return 0;
  const total = k.reduce((a, b) => a + b, 0);
  const entropy = -k.reduce((h, c) => h + (c / total) * Math.log2(c / total), 0);
  return 1 - entropy / Math.log2(k.length);
}
