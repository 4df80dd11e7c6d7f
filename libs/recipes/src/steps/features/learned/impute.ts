import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn, selectReplacing, valueOrNull } from '../../../core/sql.js';
import { num, readColumnList, readNumberRecord, requireNumeric } from '../shared.js';

const STATISTICS = ['mean', 'median', 'mode', 'min', 'max'] as const;

interface ImputeParams {
  columns: string[];
  statistic: (typeof STATISTICS)[number];
  /** Fitted: the fill value per column. */
  values?: Record<string, number | null>;
}

function statisticSql(statistic: ImputeParams['statistic'], column: string): string {
  const x = ident(column);
  switch (statistic) {
    case 'mean':
      return `avg(${x})`;
    case 'median':
      return `quantile_cont(${x}, 0.5)`;
    case 'mode':
      return `mode(${x})`;
    case 'min':
      return `min(${x})`;
    case 'max':
      return `max(${x})`;
  }
}

/**
 * Fills NULLs (and NaN) of numeric columns with a statistic fitted once (mean, median, mode, min,
 * max) over the values present.
 */
export const imputeStep = defineStep<ImputeParams>({
  op: 'learned.impute',
  family: 'learned',
  title: 'Impute missing values with a fitted statistic',
  parse: (raw) => ({
    columns: readColumnList(raw),
    statistic: read.oneOf(raw, 'statistic', STATISTICS, 'mean'),
    values: readNumberRecord(raw, 'values'),
  }),
  isFitted: (p) => p.values !== undefined && p.columns.every((c) => c in p.values!),
  async fit(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    const items = p.columns.map((c, i) => `${statisticSql(p.statistic, c)}::DOUBLE AS v${i}`);
    const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
    return { ...p, values: Object.fromEntries(p.columns.map((c, i) => [c, num(row[`v${i}`])])) };
  },
  compile(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    const replaced = new Map(
      p.columns.map((c) => [
        c,
        // NaN is missing too (as in pandas)
        `coalesce(${valueOrNull(requireColumn(input.schema, c))}::DOUBLE, ${ctx.bind(p.values?.[c] ?? null)}::DOUBLE)`,
      ]),
    );
    return selectReplacing(input, replaced);
  },
});
