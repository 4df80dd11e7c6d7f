import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import {
  ident,
  isMissing,
  requireColumn,
  requireNewName,
  selectReplacing,
  NUMERIC_TYPES,
} from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { requireColumns } from './shared.js';

const indicator = defineStep<{ columns: string[]; suffix: string }>({
  op: 'missing.indicator',
  family: 'missing',
  title: 'Add columns flagging missing values',
  parse: (raw) => ({
    columns: read.strings(raw, 'columns'),
    suffix: read.optionalString(raw, 'suffix') ?? '_missing',
  }),
  compile(p, input) {
    const columns = requireColumns(input.schema, p.columns);
    const added = columns.map((c): [string, string] => {
      const name = requireNewName(input.schema, `${c.name}${p.suffix}`, 'suffix');
      return [name, isMissing(c)];
    });
    return selectReplacing(input, new Map(), added);
  },
});

function readValues(raw: Record<string, unknown>): string[] {
  const values = raw.values;
  if (!Array.isArray(values) || values.length === 0 || values.length > 100) {
    throw new StepError('"values" must list 1 to 100 values', 'values');
  }
  return values.map((v) => {
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') throw new StepError('"values" must be text or numbers', 'values');
    return v;
  });
}

/** Sentinels such as -999, 'NA' or '#N/A' become NULL (numbers compared as numbers). */
const toNull = defineStep<{ column: string; values: string[] }>({
  op: 'missing.to_null',
  family: 'missing',
  title: 'Treat values as missing',
  parse: (raw) => ({ column: read.string(raw, 'column'), values: readValues(raw) }),
  compile(p, input, ctx) {
    const column = requireColumn(input.schema, p.column);
    const col = ident(p.column);
    let test: string;
    if (NUMERIC_TYPES.includes(column.type)) {
      // Infinities count ('Infinity', '-Infinity', 'inf'): a numeric column may hold them.
      const numbers = p.values.map(numberOf).filter((n) => !Number.isNaN(n));
      if (numbers.length === 0) return selectReplacing(input, new Map());
      test = `${col}::DOUBLE IN (${numbers.map((n) => ctx.bind(n)).join(', ')})`;
    } else {
      const text = column.type === 'string' ? `trim(${col})` : `CAST(${col} AS VARCHAR)`;
      test = `${text} IN (${p.values.map((v) => ctx.bind(v.trim())).join(', ')})`;
    }
    return selectReplacing(
      input,
      new Map([[p.column, `CASE WHEN ${test} THEN NULL ELSE ${col} END`]]),
    );
  },
});

export const MISSING_STEPS = [indicator, toNull];

function numberOf(value: string): number {
  const t = value.trim().toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  return t === '' ? NaN : Number(t);
}
