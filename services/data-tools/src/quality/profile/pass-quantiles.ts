import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent } from '../../engine/duck-engine.js';
import { count, num, queryRows } from './duck-rows.js';
import { QUANTILES, type BasicStats } from './profile.internal.js';

/** Columns with at most this many values get their quantiles from value counts. */
export const COUNTED_QUANTILE_MAX_DISTINCT = 100_000;

/**
 * Linear quantiles (DuckDB's `quantile_cont`, pandas' default interpolation) of the numeric
 * columns with values, after pass 1. `quantile_cont` sorts every value of a column (most of
 * pass 1's time on a 3M-row table, in one thread); a column with at most 100k distinct values
 * (pass 1's count, exact or HyperLogLog) takes them from its value counts instead: the k-th value
 * in order is the first whose running count exceeds k (NaN sorts last in both), interpolated as
 * `quantile_cont` does. Columns with more values keep `quantile_cont`.
 */
export async function quantilesPass(
  c: DuckDBConnection,
  source: string,
  columns: readonly BasicStats[],
): Promise<void> {
  const numeric = columns.filter((s) => s.numeric && s.count > 0);
  const counted = numeric.filter((s) => s.distinct <= COUNTED_QUANTILE_MAX_DISTINCT);
  await fromCounts(c, source, counted);
  await fromSort(
    c,
    source,
    numeric.filter((s) => !counted.includes(s)),
  );
}

/** Positions in sorted order (0-based) whose values `quantile_cont` reads for n values. */
function positions(n: number) {
  return QUANTILES.map((q) => {
    const rn = (n - 1) * q;
    return { lo: Math.floor(rn), hi: Math.ceil(rn), d: rn - Math.floor(rn) };
  });
}

async function fromCounts(c: DuckDBConnection, source: string, columns: readonly BasicStats[]) {
  if (columns.length === 0) return;
  const parts = columns.map((s, i) => {
    const q = sqlIdent(s.column.name);
    const ks = [...new Set(positions(s.count).flatMap((p) => [p.lo, p.hi]))];
    const running = `SELECT v, sum(n) OVER (ORDER BY v ROWS UNBOUNDED PRECEDING) AS c FROM (
      SELECT ${q} AS v, count(*) AS n FROM ${source} WHERE ${q} IS NOT NULL GROUP BY 1)`;
    return `(SELECT ${i} AS i, k::DOUBLE AS k, min(v)::DOUBLE AS v FROM (${running})
      JOIN (VALUES ${ks.map((k) => `(${k})`).join(', ')}) ks(k) ON c > k GROUP BY k)`;
  });
  const found = await queryRows(c, parts.join('\nUNION ALL\n'));
  columns.forEach((s, i) => {
    const at = new Map(
      found.filter((r) => count(r.i) === i).map((r) => [count(r.k), num(r.v) ?? 0]),
    );
    const value = (k: number) => at.get(k) ?? 0;
    if (s.numeric) {
      s.numeric.quantiles = positions(s.count).map(({ lo, hi, d }) =>
        // DuckDB's interpolation of doubles: lo * (1 - d) + hi * d.
        lo === hi ? value(lo) : value(lo) * (1 - d) + value(hi) * d,
      );
    }
  });
}

async function fromSort(c: DuckDBConnection, source: string, columns: readonly BasicStats[]) {
  if (columns.length === 0) return;
  const selects = columns.map((s, i) => {
    const q = sqlIdent(s.column.name);
    // quantile_cont interpolates integers in DOUBLE already; the cast would cost as much again.
    const x = s.column.type === 'integer' ? q : `${q}::DOUBLE`;
    return `quantile_cont(${x}, [${QUANTILES.join(', ')}]) AS q${i}`;
  });
  const [row] = await queryRows(c, `SELECT ${selects.join(', ')} FROM ${source}`);
  columns.forEach((s, i) => {
    const q = row[`q${i}`];
    if (s.numeric) s.numeric.quantiles = Array.isArray(q) ? q.map((v) => num(v)) : [];
  });
}
