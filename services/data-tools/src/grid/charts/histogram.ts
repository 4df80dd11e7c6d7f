import type { HistogramChart } from '@hydroml/contracts';
import { ident } from '@hydroml/recipes';
import { chartColumn, num, NUMERIC, sizeOf, type ChartInput } from './chart-input.js';

/** Equal-width bins between the column's finite min and max; nulls counted apart. */
export async function histogram(input: ChartInput): Promise<HistogramChart> {
  const column = chartColumn(input, input.options.column ?? input.options.x, 'column', NUMERIC);
  const bins = sizeOf(input, 30, 500);
  const c = `CAST(${ident(column.name)} AS DOUBLE)`;
  const [stats] = await input.query(
    (from) =>
      `SELECT min(${c}) FILTER (WHERE isfinite(${c})) AS lo, max(${c}) FILTER (WHERE isfinite(${c})) AS hi, count(*) FILTER (WHERE ${c} IS NULL) AS nulls FROM ${from}`,
  );
  const lo = num(stats.lo);
  const hi = num(stats.hi);
  const nulls = Number(stats.nulls);
  if (lo === null || hi === null) {
    return { kind: 'histogram', column: column.name, edges: [], centers: [], counts: [], nulls };
  }
  const width = hi > lo ? (hi - lo) / bins : 1;
  const used = hi > lo ? bins : 1;
  const rows = await input.query(
    (from, bind) =>
      `SELECT b, count(*) AS n FROM (SELECT least(CAST(floor((${c} - ${bind(lo)}) / ${bind(width)}) AS INTEGER), ${used - 1}) AS b FROM ${from} WHERE isfinite(${c})) GROUP BY b`,
  );
  const counts = new Array<number>(used).fill(0);
  for (const row of rows) counts[Number(row.b)] = Number(row.n);
  const edges = Array.from({ length: used + 1 }, (_, i) => lo + i * width);
  const centers = counts.map((_, i) => lo + (i + 0.5) * width);
  return { kind: 'histogram', column: column.name, edges, centers, counts, nulls };
}
