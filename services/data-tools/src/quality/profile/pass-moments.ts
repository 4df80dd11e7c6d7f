import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { CorrelationMatrix, Histogram } from '@hydroml/contracts';
import { sqlIdent } from '../../engine/duck-engine.js';
import { finite, mapEntries, num, queryRows, type Row } from './duck-rows.js';
import { HISTOGRAM_BINS, type BasicStats, type Moments } from './profile.internal.js';

/** At most this many numeric columns enter the Pearson matrix (pairs grow quadratically). */
export const MAX_CORRELATION_COLUMNS = 30;

export interface SecondPass {
  moments: Map<string, Moments>;
  histograms: Map<string, Histogram>;
  pearson: CorrelationMatrix | null;
}

interface Binning {
  col: BasicStats;
  lo: number;
  width: number;
  bins: number;
  expr: string;
}

/**
 * Pass 2, after pass 1 gave means and ranges: centered moment sums (pandas' two-pass skew and
 * kurtosis), equal-width histograms (numeric and datetime) and Pearson correlations.
 * DuckDB's own skewness()/kurtosis() use the same G1/G2 formulas but from raw power sums: on the
 * parity fixture's column near 1e6 with std 1 they return 3804 for a skew pandas gives as 0.0459
 * (cancellation), hence the centered sums around pass 1's mean.
 */
export async function secondPass(
  c: DuckDBConnection,
  source: string,
  rows: number,
  columns: readonly BasicStats[],
): Promise<SecondPass> {
  const numeric = columns.filter((s) => s.numeric && s.numeric.mean !== null && s.count > 0);
  const params: DuckDBValue[] = [];
  const bind = (v: number) => {
    params.push(v);
    return `$${params.length}::DOUBLE`;
  };
  const selects: string[] = [];
  numeric.forEach((s, i) => selects.push(...momentSelects(s, i, bind)));
  const binnings = columns.flatMap((s) => binningOf(s) ?? []);
  binnings.forEach((b, i) => selects.push(histogramSelect(b, i, bind)));
  const pairs = correlationPairs(numeric);
  pairs.forEach(([a, b], i) => selects.push(`corr(${x(a)}, ${x(b)}) AS r${i}`));
  if (selects.length === 0) return { moments: new Map(), histograms: new Map(), pearson: null };
  const [row] = await queryRows(c, `SELECT ${selects.join(',\n ')} FROM ${source}`, params);
  return {
    moments: new Map(numeric.map((s, i) => [s.column.name, parseMoments(row, i)])),
    histograms: new Map(binnings.map((b, i) => [b.col.column.name, parseHistogram(row, b, i)])),
    pearson: pearsonMatrix(row, numeric, pairs, rows),
  };
}

function x(s: BasicStats): string {
  return `${sqlIdent(s.column.name)}::DOUBLE`;
}

function momentSelects(s: BasicStats, i: number, bind: (v: number) => string): string[] {
  const d = `(${x(s)} - ${bind(s.numeric?.mean ?? 0)})`;
  return [
    `fsum(${d} * ${d}) AS m2_${i}`,
    `fsum(${d} * ${d} * ${d}) AS m3_${i}`,
    `fsum((${d} * ${d}) * (${d} * ${d})) AS m4_${i}`,
  ];
}

function parseMoments(row: Row, i: number): Moments {
  return {
    m2: num(row[`m2_${i}`]) ?? 0,
    m3: num(row[`m3_${i}`]) ?? 0,
    m4: num(row[`m4_${i}`]) ?? 0,
  };
}

/** Equal-width bins between min and max, the last bin closed (numpy.histogram's rule). */
function binningOf(s: BasicStats): Binning | null {
  const range = s.numeric
    ? { lo: finite(s.numeric.min), hi: finite(s.numeric.max), expr: x(s) }
    : s.temporal
      ? {
          lo: s.temporal.minEpoch,
          hi: s.temporal.maxEpoch,
          expr: `epoch(${sqlIdent(s.column.name)})::DOUBLE`,
        }
      : null;
  if (!range || range.lo === null || range.hi === null || s.count === 0) return null;
  const bins = range.hi > range.lo ? Math.min(HISTOGRAM_BINS, Math.max(1, s.distinct)) : 1;
  const width = range.hi > range.lo ? (range.hi - range.lo) / bins : 1;
  return { col: s, lo: range.lo, width, bins, expr: range.expr };
}

function histogramSelect(b: Binning, i: number, bind: (v: number) => string): string {
  const index = `least(floor((${b.expr} - ${bind(b.lo)}) / ${bind(b.width)}), ${b.bins - 1})::INTEGER`;
  // CASE, not FILTER: the same rows (histogram() skips nulls), a little cheaper.
  return `histogram(CASE WHEN NOT isinf(${b.expr}) THEN ${index} END) AS h${i}`;
}

function parseHistogram(row: Row, b: Binning, i: number): Histogram {
  const counts = new Array<number>(b.bins).fill(0);
  for (const [key, n] of mapEntries(row[`h${i}`])) counts[Number(key)] = n;
  const temporal = b.col.kind === 'temporal';
  const edges = Array.from({ length: b.bins + 1 }, (_, k) => {
    const edge = k === b.bins ? b.lo + b.width * b.bins : b.lo + b.width * k;
    return temporal ? new Date(edge * 1000).toISOString() : edge;
  });
  return { edges, counts };
}

function correlationPairs(numeric: readonly BasicStats[]): Array<[BasicStats, BasicStats]> {
  const usable = numeric.filter((s) => s.distinct > 1).slice(0, MAX_CORRELATION_COLUMNS);
  const pairs: Array<[BasicStats, BasicStats]> = [];
  usable.forEach((a, i) => usable.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return pairs;
}

function pearsonMatrix(
  row: Row,
  numeric: readonly BasicStats[],
  pairs: ReadonlyArray<[BasicStats, BasicStats]>,
  rows: number,
): CorrelationMatrix | null {
  const names = [...new Set(pairs.flatMap(([a, b]) => [a.column.name, b.column.name]))];
  if (names.length < 2) return null;
  void numeric;
  const index = new Map(names.map((n, i) => [n, i]));
  const values = names.map((_, i) => names.map((__, j): number | null => (i === j ? 1 : null)));
  pairs.forEach(([a, b], k) => {
    const r = finite(row[`r${k}`]);
    const i = index.get(a.column.name) ?? 0;
    const j = index.get(b.column.name) ?? 0;
    values[i][j] = r;
    values[j][i] = r;
  });
  return { columns: names, values, rows };
}

/** pandas' `skew()`: the adjusted Fisher-Pearson G1 from centered sums (0 when m2 is 0). */
export function sampleSkewness(n: number, m: Moments): number | null {
  if (n < 3) return null;
  const m2 = zeroOutFpErr(m.m2);
  const m3 = zeroOutFpErr(m.m3);
  if (m2 === 0) return 0;
  return ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
}

/** pandas' `kurt()`: bias-corrected excess kurtosis G2 (0 when the denominator is 0). */
export function sampleKurtosis(n: number, m: Moments): number | null {
  if (n < 4) return null;
  const adj = (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  const numerator = zeroOutFpErr(n * (n + 1) * (n - 1) * m.m4);
  const denominator = zeroOutFpErr((n - 2) * (n - 3) * m.m2 ** 2);
  if (denominator === 0) return 0;
  return numerator / denominator - adj;
}

/** pandas' `_zero_out_fperr`: sums this close to zero are rounding noise. */
function zeroOutFpErr(v: number): number {
  return Math.abs(v) < 1e-14 ? 0 : v;
}
