import type { BarChart } from '@hydroml/contracts';
import { ident, type Binder } from '@hydroml/recipes';
import { chartColumn, num, NUMERIC, sizeOf, type ChartInput } from './chart-input.js';

/** The value of a category: a count of rows, or an aggregate of the `y` column. */
function measure(input: ChartInput): string {
  const agg = input.options.agg ?? 'count';
  if (agg === 'count' && input.options.y === undefined) return 'count(*)';
  const y = chartColumn(input, input.options.y, 'y', agg === 'count' ? undefined : NUMERIC);
  return agg === 'count' ? `count(${ident(y.name)})` : `${agg}(${ident(y.name)})`;
}

function notIn(labels: Array<string | null>, bind: Binder): string {
  const present = labels.filter((l): l is string => l !== null);
  const list = present.length ? `label NOT IN (${present.map((l) => bind(l)).join(', ')})` : 'TRUE';
  return labels.includes(null) ? `label IS NOT NULL AND ${list}` : `(label IS NULL OR ${list})`;
}

/** The top k categories (20) by the measure, and everything else folded into "other". */
export async function bar(input: ChartInput): Promise<BarChart> {
  const column = chartColumn(input, input.options.column ?? input.options.x, 'column');
  const k = sizeOf(input, 20, 200);
  const value = measure(input);
  const c = ident(column.name);
  const label = column.type === 'string' ? c : `CAST(${c} AS VARCHAR)`;
  const labelled = (from: string) => `(SELECT ${label} AS label, * FROM ${from}) AS "__bar"`;
  const top = await input.query(
    (from) =>
      `SELECT label, ${value} AS v, count(*) OVER () AS groups FROM ${labelled(from)} GROUP BY label ORDER BY v DESC NULLS LAST, label NULLS LAST LIMIT ${k}`,
  );
  const labels = top.map((r) => (typeof r.label === 'string' ? r.label : null));
  const groups = top.length ? Number(top[0].groups) : 0;
  let other = 0;
  if (groups > top.length) {
    const [row] = await input.query(
      (from, bind) => `SELECT ${value} AS v FROM ${labelled(from)} WHERE ${notIn(labels, bind)}`,
    );
    other = num(row.v) ?? 0;
  }
  return {
    kind: 'bar',
    labels,
    values: top.map((r) => num(r.v) ?? 0),
    other,
    otherCategories: groups - top.length,
  };
}
