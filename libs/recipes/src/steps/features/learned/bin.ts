import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import type { ColumnSchema } from '@hydroml/contracts';
import {
  ident,
  isMissing,
  requireColumnOfType,
  selectReplacing,
  NUMERIC_TYPES,
} from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { CompileContext } from '../../../core/types.js';
import { num, outputName } from '../shared.js';

const METHODS = ['equal_width', 'quantile', 'custom'] as const;

interface BinParams {
  column: string;
  method: (typeof METHODS)[number];
  bins: number;
  as?: string;
  /** Values outside the fitted range: into the first/last bin ('clip') or NULL. */
  outside: 'clip' | 'null';
  /** Edges e0 < e1 < … < ek: bin i is [e_i, e_{i+1}), the last one closed. Fitted unless custom. */
  edges?: number[];
}

function readEdges(raw: Record<string, unknown>): number[] | undefined {
  const value = raw.edges;
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new StepError('"edges" must be a list of at least 2 numbers', 'edges');
  }
  const edges = value as number[];
  if (edges.some((e, i) => i > 0 && e <= edges[i - 1])) {
    throw new StepError('"edges" must be strictly increasing', 'edges');
  }
  return edges;
}

/** Bin index: how many interior edges are <= x (so [e_i, e_{i+1})). */
function binExpression(p: BinParams, column: ColumnSchema, ctx: CompileContext): string {
  const x = ident(p.column);
  const missing = isMissing(column); // NULL, or NaN: no bin
  const edges = p.edges ?? [];
  const interior = edges.slice(1, -1).map((e) => `(${x} >= ${ctx.bind(e)}::DOUBLE)::INTEGER`);
  const index = interior.length > 0 ? interior.join(' + ') : '0';
  if (p.outside === 'clip') return `CASE WHEN ${missing} THEN NULL ELSE (${index}) END::INTEGER`;
  const [lo, hi] = [ctx.bind(edges[0]), ctx.bind(edges[edges.length - 1])];
  const outside = `${x} < ${lo}::DOUBLE OR ${x} > ${hi}::DOUBLE`;
  return `CASE WHEN ${missing} OR ${outside} THEN NULL ELSE (${index}) END::INTEGER`;
}

/** Binning by equal width, quantiles (edges fitted once) or custom edges; outputs the bin index. */
export const binStep = defineStep<BinParams>({
  op: 'learned.bin',
  family: 'learned',
  title: 'Bin a numeric column (equal width, quantiles, custom edges)',
  parse(raw) {
    const method = read.oneOf(raw, 'method', METHODS, 'equal_width');
    const edges = readEdges(raw);
    if (method === 'custom' && !edges) throw new StepError('custom binning needs "edges"', 'edges');
    return {
      column: read.string(raw, 'column'),
      method,
      bins: method === 'custom' ? (edges?.length ?? 2) - 1 : read.integer(raw, 'bins', 1, 1000),
      as: read.optionalString(raw, 'as'),
      outside: read.oneOf(raw, 'outside', ['clip', 'null'] as const, 'clip'),
      edges,
    };
  },
  isFitted: (p) => p.edges !== undefined,
  async fit(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    const x = ident(p.column);
    // quantiles must be constants: numbers we computed from the validated bin count
    const qs = Array.from({ length: p.bins + 1 }, (_, i) => i / p.bins);
    const agg =
      p.method === 'quantile'
        ? `quantile_cont(${x}::DOUBLE, [${qs.map((q) => q.toString()).join(', ')}])`
        : `[min(${x})::DOUBLE, max(${x})::DOUBLE]`;
    const [row] = await ctx.query(`SELECT ${agg} AS e FROM ${ident(input.name)}`);
    const found = Array.isArray(row.e) ? row.e.map(num) : [];
    if (found.length < 2 || found.some((e) => e === null)) {
      throw new StepError(`column "${p.column}" has no values to bin`, 'column');
    }
    const [lo, hi] = [found[0]!, found[found.length - 1]!];
    const edges =
      p.method === 'quantile' ? [...new Set(found as number[])] : qs.map((q) => lo + q * (hi - lo));
    return { ...p, edges: edges.length < 2 ? [lo, lo + 1] : [...new Set(edges)] };
  },
  compile(p, input, ctx) {
    const column = requireColumnOfType(input.schema, p.column, NUMERIC_TYPES);
    const expression = binExpression(p, column, ctx);
    if (!p.as) return selectReplacing(input, new Map([[p.column, expression]]));
    return selectReplacing(input, new Map(), [[outputName(input.schema, p.as), expression]]);
  },
});
