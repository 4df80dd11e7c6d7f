import type { ColumnSchema, ColumnType } from '@hydroml/contracts';
import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident, requireColumn, selectReplacing } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import type { CompileContext } from '../../core/types.js';

export const CAST_TARGETS = ['integer', 'float', 'string', 'boolean', 'date', 'timestamp'] as const;
export type CastTarget = (typeof CAST_TARGETS)[number];

export const DUCK_TYPE: Record<CastTarget, string> = {
  integer: 'BIGINT',
  float: 'DOUBLE',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

export interface CastParams {
  column: string;
  to: CastTarget;
  format?: string;
  onError: 'null' | 'fail';
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', 'on'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', 'off'];

/** A strftime/strptime format: must contain a % code (it is bound, never pasted). */
export function readFormat(raw: Record<string, unknown>, field = 'format'): string | undefined {
  const format = read.optionalString(raw, field);
  if (format !== undefined && !/%[a-zA-Z]/.test(format)) {
    throw new StepError(`"${field}" must be a strftime format such as %Y-%m-%d`, field);
  }
  return format;
}

function wordsList(words: string[], ctx: CompileContext): string {
  return words.map((w) => ctx.bind(w)).join(', ');
}

/** The SQL converting `column` to `to`, NULL where a value does not convert. */
export function tryConvert(
  column: ColumnSchema,
  to: CastTarget,
  format: string | undefined,
  ctx: CompileContext,
): string {
  const col = ident(column.name);
  const from: ColumnType = column.type;
  const temporal = from === 'date' || from === 'timestamp';
  if (to === 'string' && format !== undefined && temporal)
    return `strftime(${col}, ${ctx.bind(format)})`;
  if ((to === 'date' || to === 'timestamp') && format !== undefined) {
    if (from !== 'string')
      throw new StepError(
        `a format applies to text columns; "${column.name}" is ${from}`,
        'format',
      );
    return `CAST(try_strptime(trim(${col}), ${ctx.bind(format)}) AS ${DUCK_TYPE[to]})`;
  }
  if (to === 'boolean' && from === 'string') {
    const v = `lower(trim(${col}))`;
    return `CASE WHEN ${v} IN (${wordsList(TRUE_WORDS, ctx)}) THEN true WHEN ${v} IN (${wordsList(FALSE_WORDS, ctx)}) THEN false ELSE NULL END`;
  }
  const source = from === 'string' ? `trim(${col})` : col;
  return `TRY_CAST(${source} AS ${DUCK_TYPE[to]})`;
}

/** Wraps a conversion so a value that does not convert stops the query with the column named. */
export function failingOnError(
  column: string,
  converted: string,
  ctx: CompileContext,
  to: string,
): string {
  const col = ident(column);
  const message = ctx.bind(`column "${column}": cannot convert to ${to} the value `);
  return `CASE WHEN ${col} IS NOT NULL AND (${converted}) IS NULL THEN error(concat(${message}, CAST(${col} AS VARCHAR))) ELSE ${converted} END`;
}

const cast = defineStep<CastParams>({
  op: 'columns.cast',
  family: 'columns',
  title: 'Change a column type',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    to: read.oneOf(raw, 'to', CAST_TARGETS),
    format: readFormat(raw),
    onError: read.oneOf(raw, 'onError', ['null', 'fail'] as const, 'null'),
  }),
  compile(p, input, ctx) {
    const column = requireColumn(input.schema, p.column);
    if (column.type === 'other') {
      throw new StepError(
        `column "${p.column}" has type ${column.sourceType}, which cannot be cast`,
        'column',
      );
    }
    const converted = tryConvert(column, p.to, p.format, ctx);
    const expression =
      p.onError === 'fail' ? failingOnError(p.column, converted, ctx, p.to) : converted;
    return selectReplacing(input, new Map([[p.column, expression]]));
  },
});

export const CAST_STEPS = [cast];
