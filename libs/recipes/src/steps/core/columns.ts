import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident, requireColumn, requireNewName } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { checkName, requireColumns, selectItems } from './shared.js';

const select = defineStep<{ columns: string[] }>({
  op: 'columns.select',
  family: 'columns',
  title: 'Keep only some columns',
  parse: (raw) => ({ columns: read.strings(raw, 'columns') }),
  compile(p, input) {
    requireColumns(input.schema, p.columns);
    return selectItems(input, p.columns.map(ident));
  },
});

const drop = defineStep<{ columns: string[] }>({
  op: 'columns.drop',
  family: 'columns',
  title: 'Drop columns',
  parse: (raw) => ({ columns: read.strings(raw, 'columns') }),
  compile(p, input) {
    requireColumns(input.schema, p.columns);
    const kept = input.schema.filter((c) => !p.columns.includes(c.name));
    if (kept.length === 0) throw new StepError('a table needs at least one column', 'columns');
    return selectItems(
      input,
      kept.map((c) => ident(c.name)),
    );
  },
});

function readMapping(raw: Record<string, unknown>): Record<string, string> {
  const mapping = read.object(raw, 'mapping');
  const entries = Object.entries(mapping);
  if (entries.length === 0)
    throw new StepError('"mapping" must rename at least one column', 'mapping');
  for (const [from, to] of entries) {
    if (typeof to !== 'string')
      throw new StepError(`the new name of "${from}" must be text`, 'mapping');
    checkName(to, 'mapping');
  }
  return mapping as Record<string, string>;
}

const rename = defineStep<{ mapping: Record<string, string> }>({
  op: 'columns.rename',
  family: 'columns',
  title: 'Rename columns',
  parse: (raw) => ({ mapping: readMapping(raw) }),
  compile(p, input) {
    for (const from of Object.keys(p.mapping)) requireColumn(input.schema, from, 'mapping');
    const names = input.schema.map((c) => p.mapping[c.name] ?? c.name);
    const clash = names.find((n, i) => names.indexOf(n) !== i);
    if (clash !== undefined) throw new StepError(`column "${clash}" would exist twice`, 'mapping');
    return selectItems(
      input,
      input.schema.map((c, i) => `${ident(c.name)} AS ${ident(names[i])}`),
    );
  },
});

const reorder = defineStep<{ columns: string[] }>({
  op: 'columns.reorder',
  family: 'columns',
  title: 'Move columns to the front',
  parse: (raw) => ({ columns: read.strings(raw, 'columns') }),
  compile(p, input) {
    requireColumns(input.schema, p.columns);
    const rest = input.schema.filter((c) => !p.columns.includes(c.name)).map((c) => c.name);
    return selectItems(input, [...p.columns, ...rest].map(ident));
  },
});

const duplicate = defineStep<{ column: string; as: string }>({
  op: 'columns.duplicate',
  family: 'columns',
  title: 'Duplicate a column',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    as: checkName(read.string(raw, 'as'), 'as'),
  }),
  compile(p, input) {
    requireColumn(input.schema, p.column);
    requireNewName(input.schema, p.as);
    const items = input.schema.map((c) => ident(c.name));
    return selectItems(input, [...items, `${ident(p.column)} AS ${ident(p.as)}`]);
  },
});

export const COLUMN_STEPS = [select, drop, rename, reorder, duplicate];
