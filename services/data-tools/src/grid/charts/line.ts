import type { ColumnSchema, LineChart, LineSeries } from '@hydroml/contracts';
import { DomainError } from '@hydroml/contracts';
import { ident } from '@hydroml/recipes';
import { chartColumn, num, NUMERIC, ORDERED, sizeOf, type ChartInput } from './chart-input.js';

/** A number for the x position: the value, or seconds since the epoch for dates and times. */
function keyOf(column: ColumnSchema): string {
  const c = ident(column.name);
  return column.type === 'date' || column.type === 'timestamp'
    ? `epoch(${c})`
    : `CAST(${c} AS DOUBLE)`;
}

async function fullSeries(
  input: ChartInput,
  x: ColumnSchema,
  y: ColumnSchema,
): Promise<LineSeries> {
  const rows = await input.query(
    (from) =>
      `SELECT ${ident(x.name)} AS x, CAST(${ident(y.name)} AS DOUBLE) AS y FROM ${from} WHERE ${ident(x.name)} IS NOT NULL ORDER BY ${keyOf(x)}`,
  );
  return { name: y.name, x: rows.map((r) => r.x), y: rows.map((r) => num(r.y)) };
}

/** Min/max buckets: per equal-width x bucket, the points of the lowest and highest y, in x order. */
async function bucketed(
  input: ChartInput,
  x: ColumnSchema,
  y: ColumnSchema,
  buckets: number,
  range: { lo: number; hi: number },
): Promise<LineSeries> {
  const k = keyOf(x);
  const yv = `CAST(${ident(y.name)} AS DOUBLE)`;
  const width = range.hi > range.lo ? (range.hi - range.lo) / buckets : 1;
  const rows = await input.query((from, bind) => {
    const bucket = `least(CAST(floor((${k} - ${bind(range.lo)}) / ${bind(width)}) AS INTEGER), ${buckets - 1})`;
    const points = `SELECT ${bucket} AS b, ${ident(x.name)} AS x, ${yv} AS y, ${k} AS k FROM ${from} WHERE ${k} IS NOT NULL AND ${yv} IS NOT NULL`;
    return `SELECT b, arg_min(x, y) AS xmin, min(y) AS ymin, arg_min(k, y) AS kmin, arg_max(x, y) AS xmax, max(y) AS ymax, arg_max(k, y) AS kmax FROM (${points}) GROUP BY b ORDER BY b`;
  });
  const points: Array<{ k: number; x: unknown; y: number | null }> = [];
  for (const r of rows) {
    const pair = [
      { k: Number(r.kmin), x: r.xmin, y: num(r.ymin) },
      { k: Number(r.kmax), x: r.xmax, y: num(r.ymax) },
    ].sort((a, b) => a.k - b.k);
    points.push(...(pair[0].k === pair[1].k && pair[0].y === pair[1].y ? [pair[0]] : pair));
  }
  return { name: y.name, x: points.map((p) => p.x), y: points.map((p) => p.y) };
}

/** One series per y column along x, downsampled to about `size` points (2,000) by min/max buckets. */
export async function line(input: ChartInput): Promise<LineChart> {
  const x = chartColumn(input, input.options.x, 'x', ORDERED);
  const names = input.options.columns ?? (input.options.y ? [input.options.y] : []);
  if (names.length === 0 || names.length > 10) {
    throw new DomainError(
      'invalid_argument',
      '"columns" (or "y") must name 1 to 10 numeric columns',
    );
  }
  const ys = names.map((n) => chartColumn(input, n, 'columns', NUMERIC));
  const cap = sizeOf(input, 2000, 20_000);
  const [stats] = await input.query(
    (from) =>
      `SELECT count(${keyOf(x)}) AS n, min(${keyOf(x)}) AS lo, max(${keyOf(x)}) AS hi FROM ${from}`,
  );
  const total = Number(stats.n);
  const series: LineSeries[] = [];
  for (const y of ys) {
    series.push(
      total <= cap
        ? await fullSeries(input, x, y)
        : await bucketed(input, x, y, Math.max(1, Math.floor(cap / 2)), {
            lo: Number(stats.lo),
            hi: Number(stats.hi),
          }),
    );
  }
  return { kind: 'line', series, total, downsampled: total > cap };
}
