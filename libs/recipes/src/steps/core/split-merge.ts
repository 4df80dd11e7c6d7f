import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident, requireColumnOfType, requireNewName, selectReplacing } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { checkName, checkRegex, requireColumns } from './shared.js';

interface SplitParams {
  column: string;
  delimiter?: string;
  regex?: string;
  into: string[];
}

function readSplit(raw: Record<string, unknown>): SplitParams {
  const delimiter = raw.delimiter;
  const regex = read.optionalString(raw, 'regex');
  if ((delimiter === undefined || delimiter === null) === (regex === undefined)) {
    throw new StepError('give either "delimiter" or "regex"', 'delimiter');
  }
  if (
    delimiter !== undefined &&
    delimiter !== null &&
    (typeof delimiter !== 'string' || delimiter === '')
  ) {
    throw new StepError('"delimiter" must be non-empty text', 'delimiter');
  }
  const into = read.strings(raw, 'into').map((n) => checkName(n, 'into'));
  if (into.length > 100) throw new StepError('"into" lists at most 100 columns', 'into');
  return {
    column: read.string(raw, 'column'),
    delimiter: typeof delimiter === 'string' ? delimiter : undefined,
    regex: regex === undefined ? undefined : checkRegex(regex, 'regex'),
    into,
  };
}

const split = defineStep<SplitParams>({
  op: 'columns.split',
  family: 'columns',
  title: 'Split a text column into several',
  parse: readSplit,
  compile(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, ['string']);
    const seen = new Set<string>();
    for (const name of p.into) {
      if (seen.has(name)) throw new StepError(`column "${name}" is listed twice`, 'into');
      seen.add(name);
      requireNewName(input.schema, name, 'into');
    }
    const parts =
      p.regex !== undefined
        ? `string_split_regex(${ident(p.column)}, ${ctx.bind(p.regex)})`
        : `string_split(${ident(p.column)}, ${ctx.bind(p.delimiter ?? ',')})`;
    const added = p.into.map((name, i): [string, string] => [name, `(${parts})[${i + 1}]`]);
    return selectReplacing(input, new Map(), added);
  },
});

interface MergeParams {
  columns: string[];
  separator: string;
  as: string;
}

const merge = defineStep<MergeParams>({
  op: 'columns.merge',
  family: 'columns',
  title: 'Merge columns into one text column',
  parse(raw) {
    const separator = raw.separator ?? '';
    if (typeof separator !== 'string') throw new StepError('"separator" must be text', 'separator');
    return {
      columns: read.strings(raw, 'columns', 2),
      separator,
      as: checkName(read.string(raw, 'as'), 'as'),
    };
  },
  compile(p, input, ctx) {
    requireColumns(input.schema, p.columns);
    requireNewName(input.schema, p.as);
    const values = p.columns.map((c) => `CAST(${ident(c)} AS VARCHAR)`).join(', ');
    return selectReplacing(input, new Map(), [
      [p.as, `concat_ws(${ctx.bind(p.separator)}, ${values})`],
    ]);
  },
});

export const SPLIT_MERGE_STEPS = [split, merge];
