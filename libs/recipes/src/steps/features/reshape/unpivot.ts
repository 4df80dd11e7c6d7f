import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import { NUMERIC_TYPES } from '../../../core/sql.js';
import { outputName, readOptionalStrings, requireAll, RID } from '../shared.js';

interface UnpivotParams {
  /** Columns melted into (name, value) rows. */
  columns: string[];
  /** Columns repeated on every row (default: all others). */
  idColumns?: string[];
  nameAs: string;
  valueAs: string;
}

/**
 * Unpivot (melt, wide to long): one row per input row and melted column, ordered by the input row
 * then the column's position. Mixed numeric types meet as DOUBLE; other mixes as text.
 */
export const unpivotStep = defineStep<UnpivotParams>({
  op: 'reshape.unpivot',
  family: 'reshape',
  title: 'Unpivot (melt): columns become name/value rows',
  parse: (raw) => ({
    columns: read.strings(raw, 'columns'),
    idColumns: raw.idColumns === undefined ? undefined : readOptionalStrings(raw, 'idColumns'),
    nameAs: read.optionalString(raw, 'nameAs') ?? 'variable',
    valueAs: read.optionalString(raw, 'valueAs') ?? 'value',
  }),
  compile(p, input, ctx) {
    requireAll(input.schema, p.columns, 'columns');
    const ids =
      p.idColumns ?? input.schema.map((c) => c.name).filter((n) => !p.columns.includes(n));
    requireAll(input.schema, ids, 'idColumns');
    const idSchema = input.schema.filter((c) => ids.includes(c.name));
    const taken = new Set<string>();
    const nameAs = outputName(idSchema, p.nameAs, 'nameAs', taken);
    const valueAs = outputName(idSchema, p.valueAs, 'valueAs', taken);
    const types = new Set(
      input.schema.filter((c) => p.columns.includes(c.name)).map((c) => c.sourceType),
    );
    const numeric = input.schema
      .filter((c) => p.columns.includes(c.name))
      .every((c) => NUMERIC_TYPES.includes(c.type));
    const cast = types.size === 1 ? '' : numeric ? '::DOUBLE' : '::VARCHAR';
    if (p.columns.length > 1000)
      throw new StepError('at most 1000 columns can be melted', 'columns');
    const parts = p.columns.map(
      (c, k) =>
        `SELECT ${[...ids.map(ident), `${ctx.bind(c)}::VARCHAR AS ${ident(nameAs)}`, `${ident(c)}${cast} AS ${ident(valueAs)}`, `${RID} AS "__hydroml_src"`, `${k} AS "__hydroml_k"`].join(', ')} FROM ${ident(input.name)}`,
    );
    const keep = [...ids, nameAs, valueAs].map(ident).join(', ');
    return `SELECT ${keep}, (row_number() OVER (ORDER BY "__hydroml_src", "__hydroml_k") - 1) AS ${RID} FROM (${parts.join(' UNION ALL ')})`;
  },
});
