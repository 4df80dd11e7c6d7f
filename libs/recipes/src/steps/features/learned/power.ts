import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, selectReplacing } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { FitContext, Relation } from '../../../core/types.js';
import { num, readColumnList, readNumberRecord, requireNumeric } from '../shared.js';
import { fitBoxCoxLambda, fitYeoJohnsonLambda } from './power-fit.js';

const METHODS = ['log', 'log1p', 'box_cox', 'yeo_johnson'] as const;
/** Lambdas are fitted on at most this many values (a seeded reservoir sample beyond). */
const FIT_SAMPLE = 200_000;

interface PowerParams {
  columns: string[];
  method: (typeof METHODS)[number];
  /** Fitted (Box-Cox, Yeo-Johnson): the maximum-likelihood lambda per column. */
  lambdas?: Record<string, number | null>;
}

async function columnValues(input: Relation, column: string, ctx: FitContext): Promise<number[]> {
  const x = ident(column);
  const rows = await ctx.query(
    `SELECT ${x}::DOUBLE AS x FROM (SELECT ${x} FROM ${ident(input.name)} WHERE ${x} IS NOT NULL) USING SAMPLE ${FIT_SAMPLE} ROWS (reservoir, 42)`,
  );
  return rows.map((r) => num(r.x)).filter((v): v is number => v !== null);
}

async function fitLambdas(p: PowerParams, input: Relation, ctx: FitContext): Promise<PowerParams> {
  requireNumeric(input.schema, p.columns);
  const lambdas: Record<string, number | null> = {};
  for (const c of p.columns) {
    const values = await columnValues(input, c, ctx);
    if (p.method === 'box_cox' && values.some((v) => v <= 0)) {
      throw new StepError(
        `Box-Cox needs positive values; column "${c}" has values <= 0`,
        'columns',
      );
    }
    if (values.length < 2) lambdas[c] = null;
    else
      lambdas[c] = p.method === 'box_cox' ? fitBoxCoxLambda(values) : fitYeoJohnsonLambda(values);
  }
  return { ...p, lambdas };
}

function transformSql(method: PowerParams['method'], column: string, lambda: string): string {
  const x = `${ident(column)}::DOUBLE`;
  switch (method) {
    case 'log':
      return `CASE WHEN ${x} > 0 THEN ln(${x}) END`;
    case 'log1p':
      return `CASE WHEN ${x} > -1 THEN ln(1 + ${x}) END`;
    case 'box_cox':
      return `CASE WHEN ${x} <= 0 THEN NULL WHEN ${lambda} = 0 THEN ln(${x}) ELSE (pow(${x}, ${lambda}) - 1) / ${lambda} END`;
    case 'yeo_johnson':
      return `CASE WHEN ${x} >= 0 THEN (CASE WHEN ${lambda} = 0 THEN ln(1 + ${x}) ELSE (pow(${x} + 1, ${lambda}) - 1) / ${lambda} END)
        ELSE (CASE WHEN ${lambda} = 2 THEN -ln(1 - ${x}) ELSE -(pow(1 - ${x}, 2 - ${lambda}) - 1) / (2 - ${lambda}) END) END`;
  }
}

/**
 * Power transforms: log, log1p, and Box-Cox / Yeo-Johnson with the maximum-likelihood lambda fitted
 * once per column (as scipy's boxcox/yeojohnson, without standardising). Values outside the domain
 * become NULL.
 */
export const powerStep = defineStep<PowerParams>({
  op: 'learned.power',
  family: 'learned',
  title: 'Power transform (log, log1p, Box-Cox, Yeo-Johnson with fitted lambda)',
  parse: (raw) => ({
    columns: readColumnList(raw),
    method: read.oneOf(raw, 'method', METHODS, 'yeo_johnson'),
    lambdas: readNumberRecord(raw, 'lambdas'),
  }),
  isFitted: (p) =>
    p.method === 'log' ||
    p.method === 'log1p' ||
    (p.lambdas !== undefined && p.columns.every((c) => c in p.lambdas!)),
  fit: fitLambdas,
  compile(p, input, ctx) {
    requireNumeric(input.schema, p.columns);
    const replaced = new Map(
      p.columns.map((c) => {
        // only the fitted methods use (and so bind) a lambda: DuckDB refuses unused placeholders
        const fitted = p.method === 'box_cox' || p.method === 'yeo_johnson';
        const lambda = fitted ? `${ctx.bind(p.lambdas?.[c] ?? 1)}::DOUBLE` : '';
        return [c, transformSql(p.method, c, lambda)];
      }),
    );
    return selectReplacing(input, replaced);
  },
});
