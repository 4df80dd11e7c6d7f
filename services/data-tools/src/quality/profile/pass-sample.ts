import type { DuckDBConnection } from '@duckdb/node-api';
import type { CorrelationMatrix } from '@hydroml/contracts';
import { sqlIdent } from '../../engine/duck-engine.js';
import { count, finite, queryRows, text } from './duck-rows.js';
import { cramersV } from './cramers-v.js';
import type { BasicStats } from './profile.internal.js';

/** Rank and contingency statistics run on at most this many rows (a fixed-seed reservoir). */
export const SAMPLE_ROWS = 100_000;
const MAX_SPEARMAN_COLUMNS = 20;
const MAX_CRAMER_COLUMNS = 10;
/** ydata-profiling's `categorical_maximum_correlation_distinct`. */
const MAX_CRAMER_DISTINCT = 100;

/**
 * A temp table holding a reproducible sample when the table is larger than SAMPLE_ROWS, of the
 * columns the sample statistics read (`columns`: see {@link sampledColumns}). The reservoir picks
 * rows by position, so the rows are the same whichever columns are kept; reading fewer columns
 * (timestamps above all) makes it cheaper.
 */
export async function sampleSource(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly string[],
) {
  if (rows <= SAMPLE_ROWS || columns.length === 0) return { source, rows };
  await c.run(
    `CREATE OR REPLACE TEMP TABLE __quality_sample AS SELECT ${columns.map(sqlIdent).join(', ')}
     FROM ${source} USING SAMPLE reservoir(${SAMPLE_ROWS} ROWS) REPEATABLE (42)`,
  );
  return { source: '__quality_sample', rows: SAMPLE_ROWS };
}

/** The columns that text patterns, Spearman and Cramér's V read, in table order. */
export function sampledColumns(
  columns: readonly BasicStats[],
  categorical: readonly BasicStats[],
): string[] {
  const used = new Set(
    [...patternColumns(columns), ...spearmanColumns(columns), ...cramerColumns(categorical)].map(
      (s) => s.column.name,
    ),
  );
  return columns.filter((s) => used.has(s.column.name)).map((s) => s.column.name);
}

function patternColumns(columns: readonly BasicStats[]): BasicStats[] {
  return columns.filter((s) => s.kind === 'string' && s.count > 0);
}

function spearmanColumns(columns: readonly BasicStats[]): BasicStats[] {
  return columns
    .filter((s) => s.kind === 'numeric' && s.distinct > 1)
    .slice(0, MAX_SPEARMAN_COLUMNS);
}

function cramerColumns(categorical: readonly BasicStats[]): BasicStats[] {
  return categorical
    .filter((s) => s.distinct > 1 && s.distinct <= MAX_CRAMER_DISTINCT)
    .slice(0, MAX_CRAMER_COLUMNS);
}

/** Shapes of text values: digits -> 9, lower-case letters -> a, upper-case -> A. */
export async function textPatterns(
  c: DuckDBConnection,
  source: string,
  columns: readonly BasicStats[],
): Promise<Map<string, Array<{ pattern: string; count: number }>>> {
  const kept = new Set(patternColumns(columns));
  const chosen = columns.map((s, i) => ({ s, i })).filter(({ s }) => kept.has(s));
  const out = new Map<string, Array<{ pattern: string; count: number }>>();
  if (chosen.length === 0) return out;
  const parts = chosen.map(({ s, i }) => {
    const q = sqlIdent(s.column.name);
    const shape = `regexp_replace(regexp_replace(regexp_replace(v, '[0-9]', '9', 'g'), '[a-z]', 'a', 'g'), '[A-Z]', 'A', 'g')`;
    // Shapes of the distinct prefixes, weighted by their counts: the regexes run once per value
    // instead of once per row (a category column has a few hundred values in 100k rows).
    const prefixes = `SELECT left(${q}, 40) AS v, count(*) AS n FROM ${source} WHERE ${q} IS NOT NULL GROUP BY 1`;
    return `(SELECT ${i} AS i, ${shape} AS p, sum(n)::DOUBLE AS n FROM (${prefixes}) GROUP BY 2 ORDER BY n DESC, p LIMIT 5)`;
  });
  const found = await queryRows(c, parts.join('\nUNION ALL\n'));
  for (const { s, i } of chosen) {
    const list = found
      .filter((r) => count(r.i) === i)
      .map((r) => ({ pattern: text(r.p) ?? '', count: count(r.n) }))
      .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern));
    out.set(s.column.name, list);
  }
  return out;
}

/**
 * Spearman's rho: Pearson on average ranks (ties share their mean rank, as pandas), each column
 * ranked over its own present values.
 */
export async function spearman(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
): Promise<CorrelationMatrix | null> {
  const chosen = spearmanColumns(columns);
  if (chosen.length < 2) return null;
  const ranks = chosen.map((s, i) => {
    const q = sqlIdent(s.column.name);
    // Mean rank of a tie: (first rank + last rank) / 2, the last rank being the rows up to and
    // including the tie; both windows share one sort (PARTITION BY a second one: twice the time).
    const w = `(ORDER BY ${q} ASC NULLS LAST)`;
    return `CASE WHEN ${q} IS NULL THEN NULL ELSE (rank() OVER ${w} + count(*) OVER ${w}) / 2 END AS r${i}`;
  });
  const pairs: Array<[number, number]> = [];
  chosen.forEach((_, i) => chosen.forEach((__, j) => j > i && pairs.push([i, j])));
  const aggs = pairs.map(([i, j], k) => `corr(r${i}::DOUBLE, r${j}::DOUBLE) AS p${k}`);
  const [row] = await queryRows(
    c,
    `SELECT ${aggs.join(', ')} FROM (SELECT ${ranks.join(', ')} FROM ${source})`,
  );
  const values = chosen.map((_, i) => chosen.map((__, j): number | null => (i === j ? 1 : null)));
  pairs.forEach(([i, j], k) => {
    values[i][j] = finite(row[`p${k}`]);
    values[j][i] = values[i][j];
  });
  return { columns: chosen.map((s) => s.column.name), values, rows };
}

/** Bias-corrected Cramér's V between categorical columns (ydata-profiling's definition). */
export async function cramers(
  c: DuckDBConnection,
  source: string,
  rows: number,
  categorical: readonly BasicStats[],
): Promise<CorrelationMatrix | null> {
  const chosen = cramerColumns(categorical);
  if (chosen.length < 2) return null;
  const pairs: Array<[number, number]> = [];
  chosen.forEach((_, i) => chosen.forEach((__, j) => j > i && pairs.push([i, j])));
  const parts = pairs.map(([i, j], k) => {
    const a = sqlIdent(chosen[i].column.name);
    const b = sqlIdent(chosen[j].column.name);
    return `(SELECT ${k} AS k, ${a}::VARCHAR AS a, ${b}::VARCHAR AS b, count(*)::DOUBLE AS n FROM ${source}
      WHERE ${a} IS NOT NULL AND ${b} IS NOT NULL GROUP BY 2, 3)`;
  });
  const cells = await queryRows(c, parts.join('\nUNION ALL\n'));
  const values = chosen.map((_, i) => chosen.map((__, j): number | null => (i === j ? 1 : null)));
  pairs.forEach(([i, j], k) => {
    const table = cells.filter((r) => count(r.k) === k);
    const v = cramersV(table.map((r) => [text(r.a) ?? '', text(r.b) ?? '', count(r.n)]));
    values[i][j] = v;
    values[j][i] = v;
  });
  return { columns: chosen.map((s) => s.column.name), values, rows };
}
