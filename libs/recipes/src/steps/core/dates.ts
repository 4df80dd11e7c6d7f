import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import {
  ident,
  requireColumnOfType,
  requireNewName,
  selectReplacing,
  TEMPORAL_TYPES,
} from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import type { CompileContext } from '../../core/types.js';
import { readFormat, tryConvert } from './cast.js';
import { waterYearSql } from '../../formula/functions.js';
import { checkName } from './shared.js';

const TIME_CODES = /%[HIMSfgpTXcnz]/;

/** Text to a date (or a timestamp when the format has a time of day). */
const parse = defineStep<{ column: string; format: string }>({
  op: 'dates.parse',
  family: 'dates',
  title: 'Parse text as dates',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    format: readFormat(raw) ?? read.string(raw, 'format'),
  }),
  compile(p, input, ctx) {
    const column = requireColumnOfType(input.schema, p.column, ['string']);
    const to = TIME_CODES.test(p.format) ? 'timestamp' : 'date';
    return selectReplacing(input, new Map([[p.column, tryConvert(column, to, p.format, ctx)]]));
  },
});

export const DATE_PARTS = [
  'year',
  'month',
  'day',
  'weekday',
  'hour',
  'day_of_year',
  'iso_week',
  'quarter',
  'water_year',
] as const;
type DatePart = (typeof DATE_PARTS)[number];

const PART_FUNCTION: Record<Exclude<DatePart, 'water_year'>, string> = {
  year: 'year',
  month: 'month',
  day: 'day',
  weekday: 'isodow', // 1 = Monday … 7 = Sunday
  hour: 'hour',
  day_of_year: 'dayofyear',
  iso_week: 'weekofyear',
  quarter: 'quarter',
};

function partExpression(
  part: DatePart,
  col: string,
  startMonth: number,
  ctx: CompileContext,
): string {
  if (part === 'water_year') return waterYearSql(col, ctx.bind(startMonth));
  return `${PART_FUNCTION[part]}(${col})`;
}

interface ExtractParams {
  column: string;
  part: DatePart;
  as?: string;
  startMonth: number;
}

const extract = defineStep<ExtractParams>({
  op: 'dates.extract',
  family: 'dates',
  title: 'Extract a part of a date (year, month, …, water year)',
  parse: (raw) => ({
    column: read.string(raw, 'column'),
    part: read.oneOf(raw, 'part', DATE_PARTS),
    as: read.optionalString(raw, 'as'),
    startMonth: raw.startMonth === undefined ? 10 : read.integer(raw, 'startMonth', 1, 12),
  }),
  compile(p, input, ctx) {
    const column = requireColumnOfType(input.schema, p.column, TEMPORAL_TYPES);
    if (p.part === 'hour' && column.type === 'date') {
      throw new StepError(
        `column "${p.column}" is a date without a time of day: "hour" needs a timestamp (cast it first)`,
        'part',
      );
    }
    const name = requireNewName(input.schema, checkName(p.as ?? `${p.column}_${p.part}`, 'as'));
    const expression = partExpression(p.part, ident(p.column), p.startMonth, ctx);
    return selectReplacing(input, new Map(), [[name, `CAST(${expression} AS INTEGER)`]]);
  },
});

export const DIFF_UNITS = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
] as const;
const SECONDS: Record<string, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
  weeks: 604_800,
};

const diff = defineStep<{
  start: string;
  end: string;
  unit: (typeof DIFF_UNITS)[number];
  as: string;
}>({
  op: 'dates.diff',
  family: 'dates',
  title: 'Time between two dates',
  parse: (raw) => ({
    start: read.string(raw, 'start'),
    end: read.string(raw, 'end'),
    unit: read.oneOf(raw, 'unit', DIFF_UNITS, 'days'),
    as: checkName(read.string(raw, 'as'), 'as'),
  }),
  compile(p, input, ctx) {
    requireColumnOfType(input.schema, p.start, TEMPORAL_TYPES, 'start');
    requireColumnOfType(input.schema, p.end, TEMPORAL_TYPES, 'end');
    requireNewName(input.schema, p.as);
    const [start, end] = [ident(p.start), ident(p.end)];
    const expression =
      p.unit === 'months' || p.unit === 'years'
        ? `CAST(date_diff(${ctx.bind(p.unit.slice(0, -1))}, ${start}, ${end}) AS DOUBLE)`
        : `(epoch(${end}) - epoch(${start})) / ${ctx.bind(SECONDS[p.unit])}`;
    return selectReplacing(input, new Map(), [[p.as, expression]]);
  },
});

export const DATE_STEPS = [parse, extract, diff];
