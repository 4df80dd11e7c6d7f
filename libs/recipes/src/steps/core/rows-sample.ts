import { read } from '../../core/params.js';
import { defineStep } from '../../core/registry.js';
import { ident } from '../../core/sql.js';
import { StepError } from '../../core/step-error.js';
import { ROW_ID } from '../../core/types.js';

const RID = ident(ROW_ID);

interface SampleParams {
  n?: number;
  fraction?: number;
  seed: number;
}

/** Seeded and order-free: a row is kept by a hash of its row id and the seed, so replays agree. */
const sample = defineStep<SampleParams>({
  op: 'rows.sample',
  family: 'rows',
  title: 'Random sample of rows (seeded)',
  parse(raw) {
    const n = raw.n === undefined ? undefined : read.integer(raw, 'n', 0, 1e12);
    const fraction = read.optionalNumber(raw, 'fraction', 0, 1);
    if ((n === undefined) === (fraction === undefined)) {
      throw new StepError('give either "n" or "fraction"', 'n');
    }
    return {
      n,
      fraction,
      seed: raw.seed === undefined ? 42 : read.integer(raw, 'seed', 0, 2 ** 31),
    };
  },
  compile(p, input, ctx) {
    const key = `hash(${RID}, ${ctx.bind(p.seed)})`;
    if (p.fraction !== undefined) {
      return `SELECT * FROM ${ident(input.name)} WHERE (${key} % 1000000)::DOUBLE < ${ctx.bind(p.fraction)} * 1000000`;
    }
    return `SELECT * FROM ${ident(input.name)} QUALIFY row_number() OVER (ORDER BY ${key}, ${RID}) <= ${ctx.bind(p.n ?? 0)}`;
  },
});

const slice = defineStep<{ offset: number; limit: number }>({
  op: 'rows.slice',
  family: 'rows',
  title: 'Keep a range of rows',
  parse: (raw) => ({
    offset: raw.offset === undefined ? 0 : read.integer(raw, 'offset', 0, 1e12),
    limit: read.integer(raw, 'limit', 0, 1e12),
  }),
  compile(p, input, ctx) {
    return `SELECT * FROM ${ident(input.name)} ORDER BY ${RID} LIMIT ${ctx.bind(p.limit)} OFFSET ${ctx.bind(p.offset)}`;
  },
});

export const SAMPLE_STEPS = [sample, slice];
