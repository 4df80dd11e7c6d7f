import type { MissingChart } from '@hydroml/contracts';
import { DomainError } from '@hydroml/contracts';
import { ident, ROW_ID } from '@hydroml/recipes';
import { chartColumn, num, sizeOf, type ChartInput } from './chart-input.js';

/** Nulls per column, and the fraction missing per column in row-order bands (a heatmap's z). */
export async function missing(input: ChartInput): Promise<MissingChart> {
  const columns = (input.options.columns ?? input.schema.map((c) => c.name)).map((n) =>
    chartColumn(input, n, 'columns'),
  );
  if (columns.length === 0 || columns.length > 200) {
    throw new DomainError('invalid_argument', 'the missing-value matrix covers 1 to 200 columns');
  }
  const bands = sizeOf(input, 50, 500);
  const rid = ident(ROW_ID);
  const nullCounts = columns.map((c, i) => `count(*) - count(${ident(c.name)}) AS m${i}`);
  const [totals] = await input.query(
    (from) =>
      `SELECT count(*) AS n, min(${rid}) AS lo, max(${rid}) AS hi, ${nullCounts.join(', ')} FROM ${from}`,
  );
  const rows = Number(totals.n);
  const nulls = columns.map((_, i) => Number(totals[`m${i}`]));
  const lo = num(totals.lo) ?? 0;
  const span = (num(totals.hi) ?? 0) - lo + 1;
  const fractions = columns.map(
    (c, i) => `avg(CASE WHEN ${ident(c.name)} IS NULL THEN 1.0 ELSE 0.0 END) AS f${i}`,
  );
  const banded =
    rows === 0
      ? []
      : await input.query(
          (from, bind) =>
            `SELECT "__band", min(${rid}) AS start, ${fractions.join(', ')} FROM (SELECT CAST(floor((${rid} - ${bind(lo)}) * ${bands} / ${bind(span)}) AS INTEGER) AS "__band", * FROM ${from}) GROUP BY "__band" ORDER BY "__band"`,
        );
  return {
    kind: 'missing',
    columns: columns.map((c) => c.name),
    rows,
    nulls,
    fractions: nulls.map((m) => (rows === 0 ? 0 : m / rows)),
    bands: banded.map((b) => columns.map((_, i) => num(b[`f${i}`]) ?? 0)),
    bandStarts: banded.map((b) => Number(b.start) - lo),
  };
}
