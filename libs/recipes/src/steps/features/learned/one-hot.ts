import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn } from '../../../core/sql.js';
import { RID, outputName, readOptionalStrings } from '../shared.js';
import { categoryCounts } from './encode.js';

interface OneHotParams {
  column: string;
  /** Prefix of the new columns (default `<column>_`). */
  prefix?: string;
  /** At most this many category columns (most frequent first); the rest go to `<prefix>other`. */
  maxColumns: number;
  /** Categories rarer than this share of non-null rows go to `<prefix>other`. */
  minFrequency: number;
  dropOriginal: boolean;
  /** Fitted: one column per category. */
  categories?: string[];
  /** Fitted: whether an `other` column exists (some categories were bucketed). */
  other?: boolean;
}

/**
 * One-hot encoding with a rare-label bucket and a cap on new columns. Categories are fitted once;
 * on new data an unseen category lands in `other` when that column exists, else all zeros.
 */
export const oneHotStep = defineStep<OneHotParams>({
  op: 'learned.one_hot',
  family: 'learned',
  title: 'One-hot encode a column (rare labels bucketed, capped column count)',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    prefix: read.optionalString(raw, 'prefix'),
    maxColumns: read.optionalNumber(raw, 'maxColumns', 1, 1000) ?? 20,
    minFrequency: read.optionalNumber(raw, 'minFrequency', 0, 1) ?? 0,
    dropOriginal: read.boolean(raw, 'dropOriginal', true),
    categories: raw.categories === undefined ? undefined : readOptionalStrings(raw, 'categories'),
    other: raw.other === undefined ? undefined : read.boolean(raw, 'other', false),
  }),
  isFitted: (p) => p.categories !== undefined && p.other !== undefined,
  async fit(p, input, ctx) {
    const counts = await categoryCounts(input, p.column, ctx);
    const total = counts.reduce((s, c) => s + c.count, 0);
    const kept = counts
      .filter((c) => total > 0 && c.count / total >= p.minFrequency)
      .slice(0, Math.floor(p.maxColumns));
    return { ...p, categories: kept.map((c) => c.value), other: kept.length < counts.length };
  },
  compile(p, input, ctx) {
    requireColumn(input.schema, p.column);
    const prefix = p.prefix ?? `${p.column}_`;
    const text = `CAST(${ident(p.column)} AS VARCHAR)`;
    const kept = input.schema.filter((c) => !(p.dropOriginal && c.name === p.column));
    const taken = new Set<string>();
    const items = kept.map((c) => ident(c.name));
    const binds = (p.categories ?? []).map((v) => ctx.bind(v));
    (p.categories ?? []).forEach((v, i) => {
      const name = outputName(kept, `${prefix}${v}`, 'prefix', taken);
      items.push(`CASE WHEN ${text} = ${binds[i]} THEN 1 ELSE 0 END::INTEGER AS ${ident(name)}`);
    });
    if (p.other) {
      const name = outputName(kept, `${prefix}other`, 'prefix', taken);
      const known = binds.length > 0 ? ` AND ${text} NOT IN (${binds.join(', ')})` : '';
      items.push(
        `CASE WHEN ${text} IS NOT NULL${known} THEN 1 ELSE 0 END::INTEGER AS ${ident(name)}`,
      );
    }
    return `SELECT ${[...items, RID].join(', ')} FROM ${ident(input.name)}`;
  },
});
