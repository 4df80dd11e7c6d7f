import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import type { AppendedColumns, Relation } from '../../../core/types.js';
import { StepError } from '../../../core/step-error.js';
import {
  appending,
  checkSeriesOrder,
  outputName,
  parseSpan,
  readColumnList,
  readSeriesOrder,
  requireNumeric,
  requireAll,
  requireTemporalOrder,
  spanSql,
  windowOf,
  type SeriesOrder,
} from '../shared.js';

interface ShiftParams extends SeriesOrder {
  columns: string[];
  /** Shift by these numbers of rows (default [1]) ... */
  periods: number[];
  /** ... or by a time span such as '1 day' (as-of: the last value at or before t − span). */
  offset?: string;
}

function readPeriods(raw: Record<string, unknown>): number[] {
  const value = raw.periods ?? 1;
  const list = Array.isArray(value) ? value : [value];
  if (
    list.length === 0 ||
    !list.every((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100_000)
  ) {
    throw new StepError('"periods" must be a positive integer or a list of them', 'periods');
  }
  return list as number[];
}

function parseShift(raw: Record<string, unknown>): ShiftParams {
  const offset = read.optionalString(raw, 'offset');
  return {
    ...readSeriesOrder(raw),
    columns: readColumnList(raw),
    periods: readPeriods(raw),
    offset: offset === undefined ? undefined : (parseSpan(offset, 'offset'), offset),
  };
}

/** Lag or lead columns by rows, or by a time span as of (RANGE frame: an as-of join without a join). */
function shiftColumns(direction: 'lag' | 'lead', p: ShiftParams, input: Relation): AppendedColumns {
  checkSeriesOrder(input.schema, p);
  requireAll(input.schema, p.columns, 'columns');
  const taken = new Set<string>();
  const added: Array<[string, string]> = [];
  for (const c of p.columns) {
    if (p.offset !== undefined) {
      const offset = parseSpan(p.offset, 'offset');
      requireTemporalOrder(input.schema, p);
      const name = outputName(
        input.schema,
        `${c}_${direction}_${offset.amount}_${offset.unit}`,
        'offset',
        taken,
      );
      const partition =
        p.partitionBy.length > 0 ? `PARTITION BY ${p.partitionBy.map(ident).join(', ')} ` : '';
      const frame =
        direction === 'lag'
          ? `RANGE BETWEEN UNBOUNDED PRECEDING AND ${spanSql(offset)} PRECEDING`
          : `RANGE BETWEEN ${spanSql(offset)} FOLLOWING AND UNBOUNDED FOLLOWING`;
      const fn = direction === 'lag' ? 'last_value' : 'first_value';
      added.push([
        name,
        `${fn}(${ident(c)}) OVER (${partition}ORDER BY ${ident(p.orderBy)} ${frame})`,
      ]);
      continue;
    }
    for (const k of p.periods) {
      const name = outputName(input.schema, `${c}_${direction}_${k}`, 'periods', taken);
      added.push([name, `${direction}(${ident(c)}, ${k}) OVER (${windowOf(p)})`]);
    }
  }
  return { columns: added, reads: [...p.columns, p.orderBy, ...p.partitionBy] };
}

export const lagStep = defineStep<ShiftParams>({
  op: 'timeseries.lag',
  family: 'timeseries',
  title: 'Lag by k rows or by a time offset (per group)',
  parse: parseShift,
  ...appending<ShiftParams>((p, input) => shiftColumns('lag', p, input)),
});

export const leadStep = defineStep<ShiftParams>({
  op: 'timeseries.lead',
  family: 'timeseries',
  title: 'Lead by k rows or by a time offset (per group)',
  parse: parseShift,
  ...appending<ShiftParams>((p, input) => shiftColumns('lead', p, input)),
});

interface DiffParams extends SeriesOrder {
  columns: string[];
  periods: number;
}

function changeColumns(
  kind: 'diff' | 'pct_change',
  p: DiffParams,
  input: Relation,
): AppendedColumns {
  checkSeriesOrder(input.schema, p);
  requireNumeric(input.schema, p.columns);
  const taken = new Set<string>();
  const added = p.columns.map((c): [string, string] => {
    const previous = `lag(${ident(c)}, ${p.periods}) OVER (${windowOf(p)})`;
    const expression =
      kind === 'diff'
        ? `${ident(c)} - ${previous}`
        : `${ident(c)}::DOUBLE / nullif(${previous}, 0) - 1`;
    return [outputName(input.schema, `${c}_${kind}_${p.periods}`, 'columns', taken), expression];
  });
  return { columns: added, reads: [...p.columns, p.orderBy, ...p.partitionBy] };
}

const parseDiff = (raw: Record<string, unknown>): DiffParams => ({
  ...readSeriesOrder(raw),
  columns: readColumnList(raw),
  periods: raw.periods === undefined ? 1 : read.integer(raw, 'periods', 1, 100_000),
});

export const diffStep = defineStep<DiffParams>({
  op: 'timeseries.diff',
  family: 'timeseries',
  title: 'Difference with the value k rows earlier (per group)',
  parse: parseDiff,
  ...appending<DiffParams>((p, input) => changeColumns('diff', p, input)),
});

export const pctChangeStep = defineStep<DiffParams>({
  op: 'timeseries.pct_change',
  family: 'timeseries',
  title: 'Percent change from the value k rows earlier (per group)',
  parse: parseDiff,
  ...appending<DiffParams>((p, input) => changeColumns('pct_change', p, input)),
});
