import type { ColumnSchema, CorrelationChart } from '@hydroml/contracts';
import { DomainError } from '@hydroml/contracts';
import { ident } from '@hydroml/recipes';
import { chartColumn, num, NUMERIC, type ChartInput } from './chart-input.js';

const SPEARMAN_SAMPLE = 1_000_000;

function columnsOf(input: ChartInput): ColumnSchema[] {
  const names = input.options.columns;
  const columns = names
    ? names.map((n) => chartColumn(input, n, 'columns', NUMERIC))
    : input.schema.filter((c) => NUMERIC.includes(c.type)).slice(0, 30);
  if (columns.length < 2 || columns.length > 30) {
    throw new DomainError('invalid_argument', 'a correlation needs 2 to 30 numeric columns');
  }
  return columns;
}

/** Average ranks (ties share their mean rank) over each column's non-null values. */
function ranked(columns: ColumnSchema[], from: string, sample: string): string {
  const items = columns.map((column, i) => {
    const c = `CAST(${ident(column.name)} AS DOUBLE)`;
    const w = `(PARTITION BY ${c} IS NULL ORDER BY ${c})`;
    return `CASE WHEN ${c} IS NULL THEN NULL ELSE rank() OVER ${w} + (count(*) OVER (PARTITION BY ${c}) - 1) / 2.0 END AS c${i}`;
  });
  return `(SELECT ${items.join(', ')} FROM (SELECT * FROM ${from}) ${sample})`;
}

/** Pearson (or Spearman: Pearson of average ranks, on a 1M-row sample beyond that) for all pairs. */
export async function correlation(input: ChartInput): Promise<CorrelationChart> {
  const columns = columnsOf(input);
  const method = input.options.method ?? 'pearson';
  const [{ n }] = await input.query((from) => `SELECT count(*) AS n FROM ${from}`);
  const rows = Number(n);
  const sampled = method === 'spearman' && rows > SPEARMAN_SAMPLE;
  const sample = sampled ? `USING SAMPLE reservoir(${SPEARMAN_SAMPLE} ROWS) REPEATABLE (42)` : '';
  const name = (i: number) =>
    method === 'spearman' ? `c${i}` : `CAST(${ident(columns[i].name)} AS DOUBLE)`;
  const pairs: string[] = [];
  columns.forEach((_, i) =>
    columns.forEach((__, j) => {
      if (j > i) pairs.push(`corr(${name(i)}, ${name(j)}) AS p${i}_${j}`);
    }),
  );
  const [row] = await input.query((from) => {
    const source = method === 'spearman' ? `${ranked(columns, from, sample)} AS "__ranks"` : from;
    return `SELECT ${pairs.join(', ')} FROM ${source}`;
  });
  const matrix = columns.map((_, i) =>
    columns.map((__, j) => (i === j ? 1 : num(row[i < j ? `p${i}_${j}` : `p${j}_${i}`]))),
  );
  return {
    kind: 'correlation',
    method,
    columns: columns.map((c) => c.name),
    matrix,
    rows,
    sampled,
  };
}
