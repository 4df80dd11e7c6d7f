import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema } from '@hydroml/contracts';
import { sqlIdent, sqlString } from '../../engine/duck-engine.js';
import { count, finite, mapEntries, num, queryRows, text, type Row } from './duck-rows.js';
import {
  EXACT_DISTINCT_ROWS,
  kindOf,
  NULL_LIKE_NUMBERS,
  NULL_LIKE_TEXT,
  type BasicStats,
} from './profile.internal.js';

const TEXT_TOKENS = NULL_LIKE_TEXT.map(sqlString).join(', ');
const MAX_TOKEN = Math.max(...NULL_LIKE_TEXT.map((t) => t.length));
/** First characters of the null-like tokens: a cheap test before comparing with each token. */
const TOKEN_STARTS = [...new Set(NULL_LIKE_TEXT.map((t) => t.charCodeAt(0)))].join(', ');

/**
 * Pass 1: one wide aggregate over every column (counts, distinct, min/max/mean/std/sum,
 * zeros/negatives/infinities, string lengths, null-like tokens); quantiles follow in
 * pass-quantiles.ts.
 */
export async function basicPass(
  c: DuckDBConnection,
  source: string,
  schema: readonly ColumnSchema[],
): Promise<{ rows: number; columns: BasicStats[] }> {
  const total = await queryRows(c, `SELECT count(*)::DOUBLE AS n FROM ${source}`);
  const rows = count(total[0].n);
  const exact = rows <= EXACT_DISTINCT_ROWS;
  if (schema.length === 0) return { rows, columns: [] };
  const selects = schema.flatMap((col, i) => aggregatesOf(col, `c${i}_`, exact));
  const [row] = await queryRows(c, `SELECT ${selects.join(',\n ')} FROM ${source}`);
  return { rows, columns: schema.map((col, i) => parseColumn(col, row, `c${i}_`, exact)) };
}

function aggregatesOf(col: ColumnSchema, p: string, exact: boolean): string[] {
  const q = sqlIdent(col.name);
  const distinct = exact ? `count(DISTINCT ${q})` : `approx_count_distinct(${q})`;
  const out = [`count(${q})::DOUBLE AS ${p}n`, `${distinct}::DOUBLE AS ${p}d`];
  switch (kindOf(col.type)) {
    case 'numeric':
      return out.concat(numericAggregates(q, p));
    case 'string':
      return out.concat(textAggregates(q, p));
    case 'temporal':
      return out.concat([
        `min(${q})::VARCHAR AS ${p}min`,
        `max(${q})::VARCHAR AS ${p}max`,
        `epoch(min(${q}))::DOUBLE AS ${p}emin`,
        `epoch(max(${q}))::DOUBLE AS ${p}emax`,
      ]);
    case 'boolean':
      return out.concat([`count_if(${q})::DOUBLE AS ${p}t`, `count_if(NOT ${q})::DOUBLE AS ${p}f`]);
    case 'other':
      return out;
  }
}

function numericAggregates(q: string, p: string): string[] {
  const x = `${q}::DOUBLE`;
  // count_if() rather than count(*) FILTER (...): the same counts in half the time. The mean is
  // the Kahan sum over the count and the std the root of the variance (what favg() and
  // stddev_samp() compute from the same sums, without a second and third accumulator).
  return [
    `min(${x}) AS ${p}min`,
    `max(${x}) AS ${p}max`,
    `fsum(${x}) AS ${p}sum`,
    `var_samp(${x}) AS ${p}var`,
    `count_if(${x} = 0)::DOUBLE AS ${p}zeros`,
    `count_if(${x} < 0)::DOUBLE AS ${p}neg`,
    `count_if(isinf(${x}))::DOUBLE AS ${p}inf`,
    ...NULL_LIKE_NUMBERS.map((v, i) => `count_if(${q} = ${v})::DOUBLE AS ${p}nl${i}`),
  ];
}

function textAggregates(q: string, p: string): string[] {
  // No trim(): it costs more than the rest together, and casts accept surrounding spaces. Casts
  // only run on values starting like a number or a date (first character), a tenth of the cost.
  // The cheap test guards the costly one in a CASE: an aggregate's FILTER (a AND b) evaluates
  // both sides on every row (3x the time on text columns), a CASE only the rows that pass.
  const t = q;
  const numberLike = `ascii(${t}) BETWEEN 43 AND 57 OR ascii(${t}) IN (32, 73, 105, 78, 110)`;
  // Dates: digits, then one of the separators DuckDB's date parser accepts (space, -, /, backslash):
  // that turns away most other text starting with a digit (hashes, codes) before the costly cast.
  const dateLike = `ascii(${t}) BETWEEN 48 AND 57`;
  const dateStart = `regexp_matches(${t}, '^[0-9]+[-/\\\\ ]')`;
  const number = `TRY_CAST(${t} AS DOUBLE) IS NOT NULL AND ${t} NOT IN (${TEXT_TOKENS})`;
  const token = `CASE WHEN ${t} IN (${TEXT_TOKENS}) THEN ${t} END`;
  return [
    `min(length(${q}))::DOUBLE AS ${p}lmin`,
    `max(length(${q}))::DOUBLE AS ${p}lmax`,
    `favg(length(${q})) AS ${p}lmean`,
    `count(CASE WHEN ${numberLike} THEN CASE WHEN ${number} THEN 1 END END)::DOUBLE AS ${p}num`,
    `count(CASE WHEN ${dateLike} THEN CASE WHEN ${dateStart} THEN TRY_CAST(${t} AS TIMESTAMP) END END)::DOUBLE AS ${p}dates`,
    `histogram(CASE WHEN length(${t}) <= ${MAX_TOKEN} AND ascii(${t}) IN (${TOKEN_STARTS}) THEN ${token} END) AS ${p}nl`,
  ];
}

function parseColumn(col: ColumnSchema, row: Row, p: string, exact: boolean): BasicStats {
  const kind = kindOf(col.type);
  const numericNullLike = NULL_LIKE_NUMBERS.map((v, i) => ({
    value: String(v),
    count: count(row[`${p}nl${i}`]),
  }));
  const stats: BasicStats = {
    ...{ column: col, kind, count: count(row[`${p}n`]), distinct: count(row[`${p}d`]) },
    distinctApproximate: !exact,
    nullLike: (kind === 'numeric'
      ? numericNullLike
      : mapEntries(row[`${p}nl`]).map(([value, n]) => ({ value, count: n }))
    )
      .filter((v) => v.count > 0)
      .sort((a, b) => b.count - a.count),
  };
  if (kind === 'numeric') stats.numeric = parseNumeric(row, p, stats.count);
  if (kind === 'string') stats.text = parseText(row, p);
  if (kind === 'temporal') {
    stats.temporal = {
      ...{ min: text(row[`${p}min`]), max: text(row[`${p}max`]) },
      ...{ minEpoch: finite(row[`${p}emin`]), maxEpoch: finite(row[`${p}emax`]) },
    };
  }
  if (kind === 'boolean') {
    stats.bool = { trueCount: count(row[`${p}t`]), falseCount: count(row[`${p}f`]) };
  }
  return stats;
}

function parseNumeric(row: Row, p: string, n: number) {
  const sum = num(row[`${p}sum`]);
  const variance = num(row[`${p}var`]);
  return {
    ...{ min: num(row[`${p}min`]), max: num(row[`${p}max`]) },
    ...{ mean: sum === null || n === 0 ? null : sum / n, sum },
    ...{ std: variance === null ? null : Math.sqrt(variance), variance },
    ...{ zeros: count(row[`${p}zeros`]), negatives: count(row[`${p}neg`]) },
    infinite: count(row[`${p}inf`]),
    // Filled by the quantiles pass (pass-quantiles.ts).
    quantiles: [],
  };
}

function parseText(row: Row, p: string) {
  return {
    ...{ minLength: num(row[`${p}lmin`]), maxLength: num(row[`${p}lmax`]) },
    ...{ meanLength: num(row[`${p}lmean`]), numeric: count(row[`${p}num`]) },
    dates: count(row[`${p}dates`]),
  };
}
