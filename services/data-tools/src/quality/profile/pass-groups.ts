import type { DuckDBConnection } from '@duckdb/node-api';
import type { MissingPattern, TableProfile, ValueCount } from '@hydroml/contracts';
import { sqlIdent } from '../../engine/duck-engine.js';
import { count, queryRows, text } from './duck-rows.js';
import { type BasicStats } from './profile.internal.js';

/** Numeric columns with more distinct values than this get no top-k table (it says little). */
const TOP_K_MAX_NUMERIC_DISTINCT = 10_000;
/** Nor do other columns beyond this (grouping every row costs more than the table tells). */
const TOP_K_MAX_DISTINCT = 100_000;
const DUPLICATE_EXAMPLES = 5;
/** Value counts kept per column: enough for ydata's imbalance over up to 50 categories. */
export const VALUE_COUNTS = 50;

/** Most frequent values of each column: one small GROUP BY per column, in one statement. */
export async function topValues(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
): Promise<Map<string, ValueCount[]>> {
  const chosen = columns
    .map((s, i) => ({ s, i }))
    .filter(
      ({ s }) =>
        s.distinct <= (s.kind === 'numeric' ? TOP_K_MAX_NUMERIC_DISTINCT : TOP_K_MAX_DISTINCT),
    );
  const out = new Map<string, ValueCount[]>();
  if (chosen.length === 0) return out;
  const parts = chosen.map(({ s, i }) => {
    const q = sqlIdent(s.column.name);
    // `g`: the number of groups, i.e. the exact distinct count (plus one when nulls occur).
    return `(SELECT ${i} AS i, v::VARCHAR AS v, n, count(*) OVER ()::DOUBLE AS g FROM (
      SELECT ${q} AS v, count(*)::DOUBLE AS n FROM ${source} GROUP BY ${q}) ORDER BY n DESC, v NULLS LAST LIMIT ${VALUE_COUNTS})`;
  });
  const found = await queryRows(c, parts.join('\nUNION ALL\n'));
  for (const { s, i } of chosen) {
    const list = found
      .filter((r) => count(r.i) === i)
      .map((r) => ({ value: text(r.v), count: count(r.n), share: rows ? count(r.n) / rows : 0 }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
    out.set(s.column.name, list);
    const groups = found.find((r) => count(r.i) === i);
    if (groups && s.distinctApproximate) {
      s.distinct = count(groups.g) - (s.count < rows ? 1 : 0);
      s.distinctApproximate = false;
    }
  }
  return out;
}

/** Exact distinct counts for approximate columns that may be identifiers (all present, ~all distinct). */
export async function exactIdCandidates(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
): Promise<void> {
  const candidates = columns.filter(
    (s) =>
      s.distinctApproximate &&
      (s.kind === 'string' || s.column.type === 'integer') &&
      s.count === rows &&
      s.distinct >= rows * 0.97,
  );
  if (candidates.length === 0) return;
  const selects = candidates.map(
    (s, i) => `count(DISTINCT ${sqlIdent(s.column.name)})::DOUBLE AS d${i}`,
  );
  const [row] = await queryRows(c, `SELECT ${selects.join(', ')} FROM ${source}`);
  candidates.forEach((s, i) => {
    s.distinct = count(row[`d${i}`]);
    s.distinctApproximate = false;
  });
}

type Duplicates = Pick<TableProfile, 'duplicateRows' | 'duplicateExamples' | 'duplicatesIgnoring'>;

/**
 * Fully repeated rows (pandas' `duplicated()` count), with examples; and, when the table has
 * time or id columns, rows that repeat every other value (the same measurement twice).
 */
export async function duplicates(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
  keyColumns: readonly string[],
): Promise<Duplicates> {
  if (columns.length === 0 || rows === 0) {
    return { duplicateRows: 0, duplicateExamples: [], duplicatesIgnoring: null };
  }
  // A column with a different value in every row rules out repeated rows: skip that grouping.
  const unique = (s: BasicStats) =>
    !s.distinctApproximate && s.count === rows && s.distinct === rows;
  const none = { duplicates: 0, examples: [] };
  const all = columns.some(unique)
    ? none
    : await duplicateGroups(
        c,
        source,
        rows,
        columns.map((s) => s.column.name),
        true,
      );
  const rest = columns.filter((s) => !keyColumns.includes(s.column.name));
  let duplicatesIgnoring: Duplicates['duplicatesIgnoring'] = null;
  if (keyColumns.length > 0 && rest.length > 0) {
    const partial = rest.some(unique)
      ? none
      : await duplicateGroups(
          c,
          source,
          rows,
          rest.map((s) => s.column.name),
          false,
        );
    duplicatesIgnoring = { columns: [...keyColumns], rows: partial.duplicates };
  }
  return {
    duplicateRows: all.duplicates,
    duplicateExamples: all.examples,
    duplicatesIgnoring,
  };
}

/**
 * Distinct rows over `names`, with the most repeated as examples. With `rare` (repeats expected
 * to be few, as for whole rows) the rows are grouped by a hash of their values first (one 8-byte
 * key instead of every value) and only rows whose hash repeats (the duplicates and any
 * collisions) by their values: equal rows hash alike, so the count stays exact (hashes seen once
 * plus the value groups of the rest). When most rows repeat, that second grouping would redo the
 * plain one, so without `rare` the rows are grouped by their values directly.
 */
async function duplicateGroups(
  c: DuckDBConnection,
  source: string,
  rows: number,
  names: string[],
  rare: boolean,
) {
  const list = names.map(sqlIdent).join(', ');
  const top = `ORDER BY __n DESC LIMIT ${DUPLICATE_EXAMPLES}`;
  const sql = rare
    ? `WITH h AS MATERIALIZED (SELECT hash(${list}) AS __h, count(*) AS __n FROM ${source} GROUP BY 1),
      g AS (SELECT ${list}, count(*)::DOUBLE AS __n FROM ${source}
        WHERE hash(${list}) IN (SELECT __h FROM h WHERE __n > 1) GROUP BY ${list})
      SELECT *, (SELECT count(*) FROM h WHERE __n = 1)::DOUBLE + count(*) OVER ()::DOUBLE AS __groups
      FROM g ${top}`
    : `SELECT *, count(*) OVER ()::DOUBLE AS __groups FROM (
      SELECT ${list}, count(*)::DOUBLE AS __n FROM ${source} GROUP BY ${list}) g ${top}`;
  const found = await queryRows(c, sql);
  const groups = found.length ? count(found[0].__groups) : rows;
  const examples = found
    .filter((r) => count(r.__n) > 1)
    .map((r) => {
      const row: Record<string, unknown> = {};
      for (const n of names) row[n] = r[n];
      return { row, count: count(r.__n) };
    });
  return { duplicates: rows - groups, examples };
}

/** Which columns are missing together: the 10 most common null masks. */
export async function missingPatterns(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
): Promise<MissingPattern[]> {
  const withNulls = columns.filter((s) => s.count < rows);
  if (withNulls.length === 0 || rows === 0) return [];
  // One bit per column with nulls (at most 60 of them: a BIGINT mask).
  const masked = withNulls.slice(0, 60);
  const mask = masked
    .map((s, i) => `(${sqlIdent(s.column.name)} IS NULL)::BIGINT * ${2 ** i}`)
    .join(' + ');
  const sql = `SELECT (${mask})::VARCHAR AS m, count(*)::DOUBLE AS n FROM ${source}
    GROUP BY 1 ORDER BY n DESC, m LIMIT 10`;
  const found = await queryRows(c, sql);
  return found.map((r) => {
    const bits = BigInt(text(r.m) ?? '0');
    const missing = masked.filter((_, i) => (bits >> BigInt(i)) & 1n).map((s) => s.column.name);
    return { missing, count: count(r.n), share: count(r.n) / rows };
  });
}
