import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatetimeProfile, Monotonicity } from '@hydroml/contracts';
import { ROW_ID } from '@hydroml/recipes';
import { sqlIdent } from '../../engine/duck-engine.js';
import { count, num, queryRows, text } from './duck-rows.js';
import type { BasicStats } from './profile.internal.js';

/** Rows in file order looked at first: a column going both up and down there is not monotonic. */
const PREFIX_ROWS = 10_000;

/**
 * Monotonicity of numeric and datetime columns in file order (`ordered` carries the row id),
 * nulls skipped: one window pass sharing a single ordering. The first PREFIX_ROWS rows are read
 * first: steps there are steps of the whole file, so a column with both an ascent and a descent
 * there is 'none' for good, and only the others (and only when the table is longer) need the
 * ordering of every row.
 */
export async function monotonicity(
  c: DuckDBConnection,
  ordered: string,
  columns: readonly BasicStats[],
): Promise<Map<string, Monotonicity>> {
  const chosen = columns.filter(
    (s) => (s.kind === 'numeric' || s.kind === 'temporal') && s.count > 1,
  );
  const out = new Map<string, Monotonicity>();
  if (chosen.length === 0) return out;
  const prefix = await stepCounts(c, ordered, chosen, `WHERE ${sqlIdent(ROW_ID)} < ${PREFIX_ROWS}`);
  const open = chosen.filter((_, i) => !(prefix.steps[i].up > 0 && prefix.steps[i].down > 0));
  const whole = prefix.rows < PREFIX_ROWS || open.length === 0 ? prefix : null;
  const full = whole ?? (await stepCounts(c, ordered, open, ''));
  const counted = whole ? chosen : open;
  chosen.forEach((s) => out.set(s.column.name, 'none'));
  counted.forEach((s, i) => {
    const { up, down, equal } = full.steps[i];
    out.set(s.column.name, classify(up, down, equal));
  });
  return out;
}

/** Ascents, descents and equal steps between consecutive non-null values, in row-id order. */
async function stepCounts(
  c: DuckDBConnection,
  ordered: string,
  chosen: readonly BasicStats[],
  where: string,
) {
  const value = (s: BasicStats) =>
    s.kind === 'temporal'
      ? `epoch(${sqlIdent(s.column.name)})`
      : `${sqlIdent(s.column.name)}::DOUBLE`;
  const diffs = chosen.map((s, i) => {
    const v = value(s);
    // lag over the non-null values only: IGNORE NULLS keeps gaps from hiding a descent.
    return `${v} - lag(${v} IGNORE NULLS) OVER w AS d${i}`;
  });
  const aggs = chosen.flatMap((_, i) => [
    `count_if(d${i} > 0)::DOUBLE AS u${i}`,
    `count_if(d${i} < 0)::DOUBLE AS n${i}`,
    `count_if(d${i} = 0)::DOUBLE AS e${i}`,
  ]);
  const sql = `SELECT count(*)::DOUBLE AS __rows, ${aggs.join(', ')} FROM (
    SELECT ${diffs.join(', ')} FROM ${ordered} ${where} WINDOW w AS (ORDER BY ${sqlIdent(ROW_ID)}))`;
  const [row] = await queryRows(c, sql);
  const steps = chosen.map((_, i) => ({
    ...{ up: count(row[`u${i}`]), down: count(row[`n${i}`]) },
    equal: count(row[`e${i}`]),
  }));
  return { rows: count(row.__rows), steps };
}

function classify(up: number, down: number, equal: number): Monotonicity {
  if (down === 0 && up > 0) return equal === 0 ? 'strictly_increasing' : 'increasing';
  if (up === 0 && down > 0) return equal === 0 ? 'strictly_decreasing' : 'decreasing';
  return 'none';
}

type Steps = Pick<DatetimeProfile, 'step' | 'irregularSteps' | 'gaps' | 'largestGaps'>;

/**
 * Steps between consecutive distinct datetimes: the most common one, irregular ones, holes.
 * One statement: the steps are computed once (a materialized CTE) for both the counts and the
 * largest gaps beyond the most common step (the mode: most frequent, then smallest).
 */
export async function datetimeSteps(
  c: DuckDBConnection,
  source: string,
  column: string,
): Promise<Steps> {
  const q = sqlIdent(column);
  const found = await queryRows(
    c,
    `WITH s AS MATERIALIZED (SELECT v, prev, epoch(v) - epoch(prev) AS step FROM (
       SELECT v, lag(v) OVER (ORDER BY v) AS prev FROM (SELECT DISTINCT ${q} AS v FROM ${source} WHERE ${q} IS NOT NULL))),
     counts AS (SELECT step, count(*) AS n FROM s WHERE step IS NOT NULL GROUP BY step),
     mode AS (SELECT step FROM counts ORDER BY n DESC, step LIMIT 1)
     SELECT 0 AS k, step::DOUBLE AS step, n::DOUBLE AS n, NULL AS f, NULL AS t FROM counts
     UNION ALL SELECT 1, step::DOUBLE, row_number() OVER (ORDER BY step DESC, v)::DOUBLE,
       prev::VARCHAR, v::VARCHAR FROM s WHERE step > (SELECT step FROM mode) QUALIFY
       row_number() OVER (ORDER BY step DESC, v) <= 5`,
  );
  const counts = found
    .filter((r) => count(r.k) === 0)
    .map((r) => ({ step: num(r.step) ?? 0, n: count(r.n) }))
    .sort((a, b) => b.n - a.n || a.step - b.step);
  if (counts.length === 0) return { step: null, irregularSteps: 0, gaps: 0, largestGaps: [] };
  const mode = counts[0].step;
  const irregularSteps = counts.slice(1).reduce((sum, r) => sum + r.n, 0);
  const gaps = counts.filter((r) => r.step > mode).reduce((sum, r) => sum + r.n, 0);
  const largestGaps = found
    .filter((r) => count(r.k) === 1)
    .sort((a, b) => count(a.n) - count(b.n))
    .map((r) => ({
      ...{ from: text(r.f) ?? '', to: text(r.t) ?? '' },
      seconds: num(r.step) ?? 0,
    }));
  return { step: mode, irregularSteps, gaps, largestGaps };
}

/** Steps of every datetime column with at least two values, by column name. */
export async function allDatetimeSteps(
  c: DuckDBConnection,
  source: string,
  columns: readonly BasicStats[],
): Promise<Map<string, Steps>> {
  const out = new Map<string, Steps>();
  for (const s of columns.filter((x) => x.kind === 'temporal' && x.count > 1)) {
    out.set(s.column.name, await datetimeSteps(c, source, s.column.name));
  }
  return out;
}
