import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, selectReplacing } from '../../../core/sql.js';
import type { Relation } from '../../../core/types.js';
import { num, outputName, readColumnList, readNumberRecord, requireNumeric } from '../shared.js';

const METHODS = ['standard', 'minmax', 'robust'] as const;

interface ScaleParams {
  columns: string[];
  method: (typeof METHODS)[number];
  /** New columns `<name><suffix>` instead of replacing in place. */
  suffix?: string;
  /** Fitted: subtracted from each column (mean, min or median). */
  center?: Record<string, number | null>;
  /** Fitted: divisor (population std, max − min or IQR); 0 is stored as 1 like scikit-learn. */
  scale?: Record<string, number | null>;
}

/** Aggregates of the fit per method: [center, scale]. */
function statsSql(method: ScaleParams['method'], column: string): [string, string] {
  const c = ident(column);
  switch (method) {
    case 'standard':
      return [`avg(${c})`, `stddev_pop(${c})`];
    case 'minmax':
      return [`min(${c})`, `max(${c}) - min(${c})`];
    case 'robust':
      return [`quantile_cont(${c}, 0.5)`, `quantile_cont(${c}, 0.75) - quantile_cont(${c}, 0.25)`];
  }
}

async function fitScale(
  p: ScaleParams,
  input: Relation,
  query: (sql: string) => Promise<Array<Record<string, unknown>>>,
): Promise<ScaleParams> {
  requireNumeric(input.schema, p.columns);
  const items = p.columns.flatMap((c, i) => {
    const [center, scale] = statsSql(p.method, c);
    return [`${center}::DOUBLE AS c${i}`, `${scale}::DOUBLE AS s${i}`];
  });
  const [row] = await query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
  const center: Record<string, number | null> = {};
  const scale: Record<string, number | null> = {};
  p.columns.forEach((c, i) => {
    center[c] = num(row[`c${i}`]);
    const s = num(row[`s${i}`]);
    scale[c] = s === null ? null : s === 0 ? 1 : s;
  });
  return { ...p, center, scale };
}

/** Standard, min-max or robust scaling with statistics fitted once. */
export const scaleStep = defineStep<ScaleParams>({
  op: 'learned.scale',
  family: 'learned',
  title: 'Scale columns (standard, min-max, robust) with fitted statistics',
  parse: (raw) => ({
    columns: readColumnList(raw),
    method: read.oneOf(raw, 'method', METHODS, 'standard'),
    suffix: read.optionalString(raw, 'suffix'),
    center: readNumberRecord(raw, 'center'),
    scale: readNumberRecord(raw, 'scale'),
  }),
  isFitted: (p) =>
    p.center !== undefined &&
    p.scale !== undefined &&
    p.columns.every((c) => c in p.center! && c in p.scale!),
  fit: (p, input, ctx) => fitScale(p, input, (sql) => ctx.query(sql)),
  compile(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    const replaced = new Map<string, string>();
    const added: Array<[string, string]> = [];
    for (const c of p.columns) {
      const center = ctx.bind(p.center?.[c] ?? null);
      const scale = ctx.bind(p.scale?.[c] ?? null);
      const expression = `(${ident(c)} - ${center}::DOUBLE) / ${scale}::DOUBLE`;
      if (p.suffix) added.push([outputName(input.schema, `${c}${p.suffix}`, 'suffix'), expression]);
      else replaced.set(c, expression);
    }
    return selectReplacing(input, replaced, added);
  },
});
