import type { DenseMatrix } from '../data/dense-matrix.js';

/**
 * Category keys of column j: dictionary labels when the column has a dictionary, else the number as
 * text. Keying by label keeps encoders right when test data was dictionary-encoded separately.
 * Missing values give null.
 */
export function categoryKeys(X: DenseMatrix, j: number): (string | null)[] {
  const dict = X.columns[j].categories;
  const col = X.column(j);
  const out = new Array<string | null>(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (Number.isNaN(v)) out[i] = null;
    else out[i] = dict ? (dict[v] ?? `#${v}`) : String(v);
  }
  return out;
}

/** Distinct non-null keys with their counts, sorted by key (numbers numerically). */
export function countKeys(keys: readonly (string | null)[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => compareKeys(a[0], b[0]));
}

function compareKeys(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
