import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, isMissing, requireColumn, selectReplacing } from '../../../core/sql.js';
import { num, readColumnList, readNumberRecord, requireNumeric, RID } from '../shared.js';

const METHODS = ['iqr', 'zscore', 'quantile'] as const;

interface OutlierParams {
  columns: string[];
  method: (typeof METHODS)[number];
  action: 'cap' | 'drop';
  /** IQR fold (default 1.5) or number of standard deviations (default 3). */
  fold: number;
  /** Quantile method: the kept range [lowerQuantile, upperQuantile]. */
  lowerQuantile: number;
  upperQuantile: number;
  /** Fitted bounds per column. */
  lower?: Record<string, number | null>;
  upper?: Record<string, number | null>;
}

function boundsSql(p: OutlierParams, column: string): [string, string] {
  const x = `${ident(column)}::DOUBLE`;
  switch (p.method) {
    case 'iqr': {
      const [q1, q3] = [`quantile_cont(${x}, 0.25)`, `quantile_cont(${x}, 0.75)`];
      return [`${q1} - ${p.fold} * (${q3} - ${q1})`, `${q3} + ${p.fold} * (${q3} - ${q1})`];
    }
    case 'zscore':
      return [
        `avg(${x}) - ${p.fold} * stddev_pop(${x})`,
        `avg(${x}) + ${p.fold} * stddev_pop(${x})`,
      ];
    case 'quantile':
      return [`quantile_cont(${x}, ${p.lowerQuantile})`, `quantile_cont(${x}, ${p.upperQuantile})`];
  }
}

/**
 * Outliers by IQR fold, z-score or quantiles: bounds fitted once, then values capped to them or
 * rows outside them dropped (missing values, NULL or NaN, are kept as they are).
 */
export const outliersStep = defineStep<OutlierParams>({
  op: 'learned.outliers',
  family: 'learned',
  title: 'Cap or drop outliers (IQR, z-score, quantiles) with fitted bounds',
  parse(raw) {
    const method = read.oneOf(raw, 'method', METHODS, 'iqr');
    return {
      columns: readColumnList(raw),
      method,
      action: read.oneOf(raw, 'action', ['cap', 'drop'] as const, 'cap'),
      fold: read.optionalNumber(raw, 'fold', 0, 1000) ?? (method === 'zscore' ? 3 : 1.5),
      lowerQuantile: read.optionalNumber(raw, 'lowerQuantile', 0, 1) ?? 0.01,
      upperQuantile: read.optionalNumber(raw, 'upperQuantile', 0, 1) ?? 0.99,
      lower: readNumberRecord(raw, 'lower'),
      upper: readNumberRecord(raw, 'upper'),
    };
  },
  isFitted: (p) => p.lower !== undefined && p.upper !== undefined,
  async fit(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    // fold and quantiles are validated numbers, pasted because quantiles must be constants
    const items = p.columns.flatMap((c, i) => {
      const [lo, hi] = boundsSql(p, c);
      return [`${lo} AS l${i}`, `${hi} AS u${i}`];
    });
    const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
    const lower = Object.fromEntries(p.columns.map((c, i) => [c, num(row[`l${i}`])]));
    const upper = Object.fromEntries(p.columns.map((c, i) => [c, num(row[`u${i}`])]));
    return { ...p, lower, upper };
  },
  compile(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    const bounds = p.columns.map((c) => ({
      c: ident(c),
      missing: isMissing(requireColumn(input.schema, c)),
      lo: `${ctx.bind(p.lower?.[c] ?? null)}::DOUBLE`,
      hi: `${ctx.bind(p.upper?.[c] ?? null)}::DOUBLE`,
    }));
    if (p.action === 'drop') {
      const keep = bounds.map(
        ({ c, lo, hi, missing }) =>
          `(${missing} OR (${c} >= coalesce(${lo}, ${c}) AND ${c} <= coalesce(${hi}, ${c})))`,
      );
      const items = [...input.schema.map((s) => ident(s.name)), RID];
      return `SELECT ${items.join(', ')} FROM ${ident(input.name)} WHERE ${keep.join(' AND ')}`;
    }
    const replaced = new Map(
      bounds.map(({ c, lo, hi, missing }, i) => [
        p.columns[i],
        `CASE WHEN ${missing} THEN ${c} ELSE least(greatest(${c}, coalesce(${lo}, ${c})), coalesce(${hi}, ${c})) END`,
      ]),
    );
    return selectReplacing(input, replaced);
  },
});
