import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import type { FitContext, Relation } from '../../../core/types.js';
import {
  numericColumns,
  num,
  readOptionalStrings,
  requireAll,
  requireNumeric,
  RID,
} from '../shared.js';

interface DropParams {
  /** Columns considered (default: all, or all numeric for correlation). */
  columns: string[];
  threshold: number;
  /** Fitted: the columns this step drops. */
  drop?: string[];
}

/** `SELECT` of the input without `drop` (columns already gone are ignored on replay). */
export function selectWithout(input: Relation, drop: readonly string[]): string {
  const kept = input.schema.filter((c) => !drop.includes(c.name)).map((c) => ident(c.name));
  return `SELECT ${[...kept, RID].join(', ')} FROM ${ident(input.name)}`;
}

const parse = (raw: Record<string, unknown>): DropParams => ({
  columns: readOptionalStrings(raw, 'columns'),
  threshold: read.optionalNumber(raw, 'threshold', 0, 1) ?? 0.95,
  drop: raw.drop === undefined ? undefined : readOptionalStrings(raw, 'drop'),
});

function candidates(p: DropParams, input: Relation): string[] {
  const columns = p.columns.length > 0 ? p.columns : input.schema.map((c) => c.name);
  requireAll(input.schema, columns, 'columns');
  return columns;
}

export const dropConstantStep = defineStep<DropParams>({
  op: 'selection.drop_constant',
  family: 'selection',
  title: 'Drop constant columns (one distinct value, NULL counted as a value)',
  parse,
  isFitted: (p) => p.drop !== undefined,
  async fit(p, input, ctx) {
    const columns = candidates(p, input);
    if (columns.length === 0) return { ...p, drop: [] };
    const items = columns.map(
      (c, i) =>
        `count(DISTINCT ${ident(c)}) + max(CASE WHEN ${ident(c)} IS NULL THEN 1 ELSE 0 END) AS d${i}`,
    );
    const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
    return { ...p, drop: columns.filter((_, i) => (num(row[`d${i}`]) ?? 0) <= 1) };
  },
  compile: (p, input) => selectWithout(input, p.drop ?? []),
});

/** Pairs of same-typed columns whose values are equal on every row: the later one is dropped. */
async function duplicateColumns(
  columns: string[],
  input: Relation,
  ctx: FitContext,
): Promise<string[]> {
  const typeOf = (c: string) => input.schema.find((s) => s.name === c)?.sourceType;
  const pairs: Array<[string, string]> = [];
  columns.forEach((a, i) =>
    columns.slice(i + 1).forEach((b) => typeOf(a) === typeOf(b) && pairs.push([a, b])),
  );
  if (pairs.length === 0) return [];
  const items = pairs.map(
    ([a, b], k) => `bool_and(${ident(a)} IS NOT DISTINCT FROM ${ident(b)}) AS p${k}`,
  );
  const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
  const drop = new Set<string>();
  pairs.forEach(([a, b], k) => {
    if (row[`p${k}`] !== false && !drop.has(a)) drop.add(b);
  });
  return columns.filter((c) => drop.has(c));
}

export const dropDuplicateStep = defineStep<DropParams>({
  op: 'selection.drop_duplicates',
  family: 'selection',
  title: 'Drop duplicate columns (same values as an earlier column)',
  parse,
  isFitted: (p) => p.drop !== undefined,
  async fit(p, input, ctx) {
    return { ...p, drop: await duplicateColumns(candidates(p, input), input, ctx) };
  },
  compile: (p, input) => selectWithout(input, p.drop ?? []),
});

export const dropCorrelatedStep = defineStep<DropParams>({
  op: 'selection.drop_correlated',
  family: 'selection',
  title: 'Drop highly correlated numeric columns (|Pearson r| above a threshold)',
  parse,
  isFitted: (p) => p.drop !== undefined,
  async fit(p, input, ctx) {
    const columns = p.columns.length > 0 ? p.columns : numericColumns(input.schema);
    requireNumeric(input.schema, columns);
    const pairs: Array<[number, number]> = [];
    columns.forEach((_, i) => columns.forEach((__, j) => j > i && pairs.push([i, j])));
    if (pairs.length === 0) return { ...p, drop: [] };
    const items = pairs.map(
      ([i, j], k) => `corr(${ident(columns[i])}::DOUBLE, ${ident(columns[j])}::DOUBLE) AS r${k}`,
    );
    const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
    const drop = new Set<number>();
    // greedy in column order: a column goes when it is too close to one that stays
    pairs.forEach(([i, j], k) => {
      const r = num(row[`r${k}`]);
      if (r !== null && Math.abs(r) > p.threshold && !drop.has(i)) drop.add(j);
    });
    return { ...p, drop: columns.filter((_, i) => drop.has(i)) };
  },
  compile: (p, input) => selectWithout(input, p.drop ?? []),
});
