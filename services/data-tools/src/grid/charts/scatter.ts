import type { ScatterChart } from '@hydroml/contracts';
import { ident, ROW_ID } from '@hydroml/recipes';
import { chartColumn, ORDERED, sizeOf, type ChartInput } from './chart-input.js';

/** x/y pairs (and an optional colour column), a seeded reservoir sample when over the point cap. */
export async function scatter(input: ChartInput): Promise<ScatterChart> {
  const x = chartColumn(input, input.options.x, 'x', ORDERED);
  const y = chartColumn(input, input.options.y, 'y', ORDERED);
  const color = input.options.color ? chartColumn(input, input.options.color, 'color') : undefined;
  const cap = sizeOf(input, 5000, 50_000);
  const where = `${ident(x.name)} IS NOT NULL AND ${ident(y.name)} IS NOT NULL`;
  const [{ n }] = await input.query((from) => `SELECT count(*) AS n FROM ${from} WHERE ${where}`);
  const total = Number(n);
  const picked = [ident(x.name), ident(y.name), ...(color ? [ident(color.name)] : [])];
  const sample = total > cap ? `USING SAMPLE reservoir(${cap} ROWS) REPEATABLE (42)` : '';
  const rows = await input.query(
    (from) =>
      `SELECT ${picked.join(', ')} FROM (SELECT * FROM ${from} WHERE ${where}) ${sample} ORDER BY ${ident(ROW_ID)}`,
  );
  return {
    kind: 'scatter',
    x: rows.map((r) => r[x.name]),
    y: rows.map((r) => r[y.name]),
    ...(color ? { color: rows.map((r) => r[color.name]) } : {}),
    total,
    sampled: total > cap,
  };
}
