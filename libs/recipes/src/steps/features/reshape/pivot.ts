import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn } from '../../../core/sql.js';
import { freshRowId, outputName, readOptionalStrings, requireAll } from '../shared.js';
import { categoryCounts } from '../learned/encode.js';
import { aggregateSql, GROUP_FNS, type GroupFn } from '../timeseries/resample.js';

interface PivotParams {
  /** Row keys (one output row per distinct combination). */
  index: string[];
  /** The column whose values become new columns. */
  column: string;
  /** The column aggregated into the cells. */
  value: string;
  fn: GroupFn;
  /** At most this many new columns (most frequent values first). */
  maxColumns: number;
  prefix: string;
  /** Fitted once: the values that become columns (sorted). New values on replay are ignored. */
  values?: string[];
}

/**
 * Pivot (long to wide). DuckDB's PIVOT must know the values to name columns, so they are fitted
 * once and stored; each cell is `fn(value) FILTER (WHERE column = v)` with v bound.
 */
export const pivotStep = defineStep<PivotParams>({
  op: 'reshape.pivot',
  family: 'reshape',
  title: 'Pivot: values of a column become columns',
  parse: (raw) => ({
    index: readOptionalStrings(raw, 'index'),
    column: read.string(raw, 'column'),
    value: read.string(raw, 'value'),
    fn: read.oneOf(raw, 'fn', GROUP_FNS, 'sum'),
    maxColumns: raw.maxColumns === undefined ? 100 : read.integer(raw, 'maxColumns', 1, 1000),
    prefix: typeof raw.prefix === 'string' ? raw.prefix : '',
    values: raw.values === undefined ? undefined : readOptionalStrings(raw, 'values'),
  }),
  isFitted: (p) => p.values !== undefined,
  async fit(p, input, ctx) {
    const counts = await categoryCounts(input, p.column, ctx);
    return {
      ...p,
      values: counts
        .slice(0, p.maxColumns)
        .map((c) => c.value)
        .sort(),
    };
  },
  compile(p, input, ctx) {
    requireAll(input.schema, p.index, 'index');
    requireColumn(input.schema, p.column);
    const taken = new Set<string>(p.index);
    const text = `CAST(${ident(p.column)} AS VARCHAR)`;
    const cells = (p.values ?? []).map((v) => {
      const name = outputName([], `${p.prefix}${v}`, 'values', taken);
      const cell = aggregateSql({ column: p.value, fn: p.fn }, input, '"__hydroml_rid"');
      return `${cell} FILTER (WHERE ${text} = ${ctx.bind(v)}) AS ${ident(name)}`;
    });
    const keys = p.index.map(ident);
    const group = keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : '';
    const grouped = `SELECT ${[...keys, ...cells].join(', ')} FROM ${ident(input.name)}${group}`;
    return `SELECT *, ${freshRowId(keys.length > 0 ? keys.join(', ') : '1')} FROM (${grouped})`;
  },
});
