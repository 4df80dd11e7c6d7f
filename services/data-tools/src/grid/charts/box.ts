import type { BoxChart, BoxStats } from '@hydroml/contracts';
import { DomainError } from '@hydroml/contracts';
import { ident } from '@hydroml/recipes';
import { chartColumn, num, NUMERIC, type ChartInput } from './chart-input.js';

const OUTLIERS = 200;

/** Five-number summaries with Tukey fences (1.5 IQR) and up to 200 outliers per column. */
export async function box(input: ChartInput): Promise<BoxChart> {
  const names = input.options.columns ?? (input.options.column ? [input.options.column] : []);
  if (names.length === 0 || names.length > 20) {
    throw new DomainError('invalid_argument', '"columns" must name 1 to 20 numeric columns');
  }
  const columns = names.map((n) => chartColumn(input, n, 'columns', NUMERIC));
  const items = columns.map((column, i) => {
    const c = `CAST(${ident(column.name)} AS DOUBLE)`;
    return `count(${c}) AS n${i}, min(${c}) AS min${i}, max(${c}) AS max${i}, avg(${c}) AS mean${i}, quantile_cont(${c}, [0.25, 0.5, 0.75]) AS q${i}`;
  });
  const [row] = await input.query((from) => `SELECT ${items.join(', ')} FROM ${from}`);
  const boxes: BoxStats[] = [];
  for (const [i, column] of columns.entries()) {
    const q = (row[`q${i}`] as Array<number | null> | null) ?? [null, null, null];
    const [q1, median, q3] = q.map(num);
    const iqr = q1 !== null && q3 !== null ? q3 - q1 : null;
    const lowerfence = iqr === null ? null : (q1 as number) - 1.5 * iqr;
    const upperfence = iqr === null ? null : (q3 as number) + 1.5 * iqr;
    const c = `CAST(${ident(column.name)} AS DOUBLE)`;
    const outliers =
      lowerfence === null || upperfence === null
        ? []
        : await input.query(
            (from, bind) =>
              `SELECT ${c} AS v FROM ${from} WHERE ${c} < ${bind(lowerfence)} OR ${c} > ${bind(upperfence)} LIMIT ${OUTLIERS}`,
          );
    boxes.push({
      ...{ name: column.name, count: Number(row[`n${i}`]), q1, median, q3 },
      ...{ min: num(row[`min${i}`]), max: num(row[`max${i}`]), mean: num(row[`mean${i}`]) },
      ...{ lowerfence, upperfence, outliers: outliers.map((o) => Number(o.v)) },
    });
  }
  return { kind: 'box', boxes };
}
