import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident, requireColumnOfType, requireNewName, selectReplacing } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import type { Relation } from '../../core/types.js';
import { checkName, checkRegex } from './shared.js';

const TEXT = ['string'] as const;

/** Replaces a text column by `expression(col)`. */
function replaceText(input: Relation, column: string, expression: (col: string) => string): string {
  requireColumnOfType(input.schema, column, TEXT);
  return selectReplacing(input, new Map([[column, expression(ident(column))]]));
}

const trim = defineStep<{ column: string; side: 'both' | 'left' | 'right' }>({
  op: 'text.trim',
  family: 'text',
  title: 'Trim spaces',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    side: read.oneOf(raw, 'side', ['both', 'left', 'right'] as const, 'both'),
  }),
  compile: (p, input) =>
    replaceText(
      input,
      p.column,
      (col) => `${{ both: 'trim', left: 'ltrim', right: 'rtrim' }[p.side]}(${col})`,
    ),
});

const titleCase = (col: string) =>
  `list_aggr(list_transform(string_split(lower(${col}), ' '), w -> upper(w[1]) || w[2:]), 'string_agg', ' ')`;

const textCase = defineStep<{ column: string; to: 'upper' | 'lower' | 'title' }>({
  op: 'text.case',
  family: 'text',
  title: 'Change letter case',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    to: read.oneOf(raw, 'to', ['upper', 'lower', 'title'] as const),
  }),
  compile: (p, input) =>
    replaceText(input, p.column, (col) => (p.to === 'title' ? titleCase(col) : `${p.to}(${col})`)),
});

interface ReplaceParams {
  column: string;
  find: string;
  replace: string;
  regex: boolean;
}

const replace = defineStep<ReplaceParams>({
  op: 'text.replace',
  family: 'text',
  title: 'Replace text',
  parse(raw) {
    const regex = read.boolean(raw, 'regex', false);
    const find = read.string(raw, 'find');
    const replacement = raw.replace ?? '';
    if (typeof replacement !== 'string') throw new StepError('"replace" must be text', 'replace');
    return {
      column: read.string(raw, 'column'),
      find: regex ? checkRegex(find, 'find') : find,
      replace: replacement,
      regex,
    };
  },
  compile: (p, input, ctx) =>
    replaceText(input, p.column, (col) =>
      p.regex
        ? `regexp_replace(${col}, ${ctx.bind(p.find)}, ${ctx.bind(p.replace)}, 'g')`
        : `replace(${col}, ${ctx.bind(p.find)}, ${ctx.bind(p.replace)})`,
    ),
});

interface ExtractParams {
  column: string;
  regex: string;
  group: number;
  as: string;
}

const extract = defineStep<ExtractParams>({
  op: 'text.extract',
  family: 'text',
  title: 'Extract a regex group into a new column',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    regex: checkRegex(read.string(raw, 'regex'), 'regex'),
    group: raw.group === undefined ? 1 : read.integer(raw, 'group', 0, 9),
    as: checkName(read.string(raw, 'as'), 'as'),
  }),
  compile(p, input, ctx) {
    requireColumnOfType(input.schema, p.column, TEXT);
    requireNewName(input.schema, p.as);
    const expression = `nullif(regexp_extract(${ident(p.column)}, ${ctx.bind(p.regex)}, ${ctx.bind(p.group)}), '')`;
    return selectReplacing(input, new Map(), [[p.as, expression]]);
  },
});

interface PadParams {
  column: string;
  length: number;
  fill: string;
  side: 'left' | 'right';
}

const pad = defineStep<PadParams>({
  op: 'text.pad',
  family: 'text',
  title: 'Pad text to a length',
  parse(raw) {
    const fill = read.optionalString(raw, 'fill') ?? ' ';
    if ([...fill].length !== 1) throw new StepError('"fill" must be one character', 'fill');
    return {
      column: read.string(raw, 'column'),
      length: read.integer(raw, 'length', 1, 10_000),
      fill,
      side: read.oneOf(raw, 'side', ['left', 'right'] as const, 'left'),
    };
  },
  compile: (p, input, ctx) =>
    replaceText(input, p.column, (col) => {
      const n = ctx.bind(p.length);
      const padded = `${p.side === 'left' ? 'lpad' : 'rpad'}(${col}, ${n}, ${ctx.bind(p.fill)})`;
      return `CASE WHEN length(${col}) >= ${n} THEN ${col} ELSE ${padded} END`;
    }),
});

const length = defineStep<{ column: string; as: string }>({
  op: 'text.length',
  family: 'text',
  title: 'Length of text in a new column',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    as: checkName(read.string(raw, 'as'), 'as'),
  }),
  compile(p, input) {
    requireColumnOfType(input.schema, p.column, TEXT);
    requireNewName(input.schema, p.as);
    return selectReplacing(input, new Map(), [
      [p.as, `CAST(length(${ident(p.column)}) AS INTEGER)`],
    ]);
  },
});

export const TEXT_STEPS = [trim, textCase, replace, extract, pad, length];
