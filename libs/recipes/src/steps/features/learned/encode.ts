import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { FitContext, Relation } from '../../../core/types.js';
import { num, outputName, readNumberRecord, readOptionalStrings } from '../shared.js';
import { lookupSelect } from './lookup.js';

/** Distinct non-null values of a column as text with their counts, most frequent first. */
export async function categoryCounts(
  input: Relation,
  column: string,
  ctx: FitContext,
  limit = 100_000,
): Promise<Array<{ value: string; count: number }>> {
  requireColumn(input.schema, column);
  const c = ident(column);
  const rows = await ctx.query(
    `SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM ${ident(input.name)} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY n DESC, v LIMIT ${limit + 1}`,
  );
  if (rows.length > limit) {
    throw new StepError(`column "${column}" has more than ${limit} distinct values`, 'column');
  }
  return rows.map((r) => ({ value: String(r.v), count: num(r.n) ?? 0 }));
}

interface OrdinalParams {
  column: string;
  as?: string;
  order: 'value' | 'frequency';
  /** Fitted: categories in code order (code = position). */
  categories?: string[];
  /** Code of a category not seen when fitting (default -1). */
  unknownValue: number | null;
}

export const ordinalStep = defineStep<OrdinalParams>({
  op: 'learned.ordinal',
  family: 'learned',
  title: 'Ordinal encoding (codes fitted once; unseen values get -1)',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    as: read.optionalString(raw, 'as'),
    order: read.oneOf(raw, 'order', ['value', 'frequency'] as const, 'value'),
    categories: raw.categories === undefined ? undefined : readOptionalStrings(raw, 'categories'),
    unknownValue:
      raw.unknownValue === null ? null : (read.optionalNumber(raw, 'unknownValue') ?? -1),
  }),
  isFitted: (p) => p.categories !== undefined,
  async fit(p, input, ctx) {
    const counts = await categoryCounts(input, p.column, ctx);
    const values = counts.map((c) => c.value);
    if (p.order === 'value') values.sort();
    return { ...p, categories: values };
  },
  compile(p, input, ctx) {
    requireColumn(input.schema, p.column);
    const as = p.as ?? p.column;
    if (as !== p.column) outputName(input.schema, as);
    const entries = (p.categories ?? []).map((v, i): [string, number] => [v, i]);
    return lookupSelect(input, p.column, as, entries, p.unknownValue, ctx, 'INTEGER');
  },
});

interface FrequencyParams {
  column: string;
  as?: string;
  normalize: boolean;
  /** Fitted: share (or count) of each category; unseen categories get 0. */
  frequencies?: Record<string, number | null>;
}

export const frequencyStep = defineStep<FrequencyParams>({
  op: 'learned.frequency',
  family: 'learned',
  title: 'Frequency encoding (shares fitted once; unseen values get 0)',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    as: read.optionalString(raw, 'as'),
    normalize: read.boolean(raw, 'normalize', true),
    frequencies: readNumberRecord(raw, 'frequencies'),
  }),
  isFitted: (p) => p.frequencies !== undefined,
  async fit(p, input, ctx) {
    const counts = await categoryCounts(input, p.column, ctx);
    const total = counts.reduce((s, c) => s + c.count, 0);
    const frequencies = Object.fromEntries(
      counts.map((c) => [c.value, p.normalize ? c.count / total : c.count]),
    );
    return { ...p, frequencies };
  },
  compile(p, input, ctx) {
    requireColumn(input.schema, p.column);
    const as = p.as ?? `${p.column}_freq`;
    if (as !== p.column) outputName(input.schema, as);
    const entries = Object.entries(p.frequencies ?? {});
    return lookupSelect(input, p.column, as, entries, 0, ctx, 'DOUBLE');
  },
});
