import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn, valueOrNull } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { CompileContext, Relation } from '../../../core/types.js';
import {
  checkSeriesOrder,
  outputName,
  readColumnList,
  readSeriesOrder,
  requireNumeric,
  RID,
  type SeriesOrder,
} from '../shared.js';

interface EwmParams extends SeriesOrder {
  columns: string[];
  /** Smoothing factor in (0, 1); or give span, com or halflife as pandas does. */
  alpha: number;
}

function readAlpha(raw: Record<string, unknown>): number {
  const given = ['alpha', 'span', 'com', 'halflife'].filter((k) => raw[k] !== undefined);
  if (given.length !== 1)
    throw new StepError('give exactly one of alpha, span, com, halflife', 'alpha');
  if (raw.alpha !== undefined) return read.number(raw, 'alpha', 1e-6, 0.999999);
  if (raw.span !== undefined) return 2 / (read.number(raw, 'span', 1.000001, 1e6) + 1);
  if (raw.com !== undefined) return 1 / (1 + read.number(raw, 'com', 1e-6, 1e6));
  return 1 - Math.exp(-Math.LN2 / read.number(raw, 'halflife', 1e-6, 1e6));
}

/** Internal column names (never clash with user columns: the prefix is reserved). */
const POS = ident('__hydroml_pos');
const BLK = ident('__hydroml_blk');
const wx = (i: number) => ident(`__hydroml_wx${i}`);
const w = (i: number) => ident(`__hydroml_w${i}`);
const cw = (i: number) => ident(`__hydroml_cw${i}`);
const cn = (i: number) => ident(`__hydroml_cn${i}`);
const pw = (i: number) => ident(`__hydroml_pw${i}`);
const pn = (i: number) => ident(`__hydroml_pn${i}`);

/**
 * Exponentially weighted mean with pandas' adjust=True (ignore_na=False):
 * y_t = Σ_j (1−α)^(t−j)·x_j / Σ_j (1−α)^(t−j) over non-null x_j, j ≤ t (positions count every row).
 *
 * A recursion has no SQL form, and (1−α)^(−j) overflows, so positions are cut into blocks of B rows
 * with B·c ≥ 40 (c = −ln(1−α)): weights are taken relative to the block start (at most e^(2·B·c)),
 * each row sums its own block so far plus the whole previous block (a RANGE frame on the block
 * number), and older blocks, weighing below e^(−40) of the newest, are dropped.
 */
function ewmSql(p: EwmParams, input: Relation, ctx: CompileContext): string {
  const c = -Math.log(1 - p.alpha);
  const blockRows = Math.max(1, Math.ceil(40 / c));
  const [cBind, bBind] = [ctx.bind(c), ctx.bind(blockRows)];
  const partition = p.partitionBy.map(ident);
  const byBlock = `PARTITION BY ${[...partition, BLK].join(', ')} ORDER BY ${POS} ROWS UNBOUNDED PRECEDING`;
  const prevBlock = `${partition.length ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY ${BLK} RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING`;
  const weight = `exp((${POS} - ${BLK} * ${bBind}::BIGINT) * ${cBind}::DOUBLE)`;
  const weights = p.columns.map((col, i) => {
    const x = valueOrNull(requireColumn(input.schema, col)); // NaN is missing, as in pandas
    return `${x}::DOUBLE * ${weight} AS ${wx(i)}, CASE WHEN ${x} IS NOT NULL THEN ${weight} END AS ${w(i)}`;
  });
  const sums = p.columns.map(
    (_, i) =>
      `sum(${wx(i)}) OVER (${byBlock}) AS ${cw(i)}, sum(${w(i)}) OVER (${byBlock}) AS ${cn(i)}, sum(${wx(i)}) OVER (${prevBlock}) AS ${pw(i)}, sum(${w(i)}) OVER (${prevBlock}) AS ${pn(i)}`,
  );
  const decay = `exp(-${bBind}::BIGINT * ${cBind}::DOUBLE)`;
  const taken = new Set<string>();
  const outputs = p.columns.map((col, i) => {
    const name = outputName(input.schema, `${col}_ewm`, 'columns', taken);
    const den = `(${cn(i)} + coalesce(${pn(i)}, 0) * ${decay})`;
    return `CASE WHEN ${den} > 0 THEN (coalesce(${cw(i)}, 0) + coalesce(${pw(i)}, 0) * ${decay}) / ${den} END AS ${ident(name)}`;
  });
  const keep = [...input.schema.map((s) => ident(s.name)), RID];
  const positioned = `SELECT ${keep.join(', ')}, row_number() OVER (${partition.length ? `PARTITION BY ${partition.join(', ')} ` : ''}ORDER BY ${ident(p.orderBy)}, ${RID}) - 1 AS ${POS} FROM ${ident(input.name)}`;
  const blocked = `SELECT *, ${POS} // ${bBind}::BIGINT AS ${BLK} FROM (${positioned})`;
  const weighted = `SELECT *, ${weights.join(', ')} FROM (${blocked})`;
  const summed = `SELECT *, ${sums.join(', ')} FROM (${weighted})`;
  return `SELECT ${[...keep, ...outputs].join(', ')} FROM (${summed})`;
}

export const ewmStep = defineStep<EwmParams>({
  op: 'timeseries.ewm',
  family: 'timeseries',
  title: 'Exponentially weighted mean (pandas adjust=True), per group',
  parse: (raw) => ({
    ...readSeriesOrder(raw),
    columns: readColumnList(raw),
    alpha: readAlpha(raw),
  }),
  compile(p, input, ctx) {
    checkSeriesOrder(input.schema, p);
    requireNumeric(input.schema, p.columns);
    return ewmSql(p, input, ctx);
  },
});
