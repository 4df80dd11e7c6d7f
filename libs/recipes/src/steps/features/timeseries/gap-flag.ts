import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumnOfType, selectReplacing, TEMPORAL_TYPES } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import {
  checkSeriesOrder,
  num,
  outputName,
  readSeriesOrder,
  windowOf,
  type SeriesOrder,
} from '../shared.js';

interface GapFlagParams extends SeriesOrder {
  as: string;
  /** Also a column with the number of missing timestamps before each row. */
  countAs?: string;
  /** Fitted (or given): the series step in seconds, the most common gap between timestamps. */
  stepSeconds?: number;
}

const secondsSinceLast = (p: SeriesOrder): string =>
  `epoch(${ident(p.orderBy)}::TIMESTAMP) - epoch(lag(${ident(p.orderBy)}::TIMESTAMP) OVER (${windowOf(p)}))`;

/** Flags rows preceded by missing timestamps at the inferred step (fitted once, per group). */
export const gapFlagStep = defineStep<GapFlagParams>({
  op: 'timeseries.gap_flag',
  family: 'timeseries',
  title: 'Flag gaps (missing timestamps at the inferred step)',
  parse: (raw) => ({
    ...readSeriesOrder(raw),
    as: read.optionalString(raw, 'as') ?? 'gap',
    countAs: read.optionalString(raw, 'countAs'),
    stepSeconds: read.optionalNumber(raw, 'stepSeconds', 1e-6),
  }),
  isFitted: (p) => p.stepSeconds !== undefined,
  async fit(p, input, ctx) {
    checkSeriesOrder(input.schema, p);
    requireColumnOfType(input.schema, p.orderBy, TEMPORAL_TYPES, 'orderBy');
    const [row] = await ctx.query(
      `SELECT mode(d) AS step FROM (SELECT ${secondsSinceLast(p)} AS d FROM ${ident(input.name)}) WHERE d > 0`,
    );
    const step = num(row?.step);
    if (step === null)
      throw new StepError('the series has fewer than two distinct timestamps', 'orderBy');
    return { ...p, stepSeconds: step };
  },
  compile(p, input, ctx) {
    checkSeriesOrder(input.schema, p);
    requireColumnOfType(input.schema, p.orderBy, TEMPORAL_TYPES, 'orderBy');
    const step = `${ctx.bind(p.stepSeconds ?? null)}::DOUBLE`;
    const since = `(${secondsSinceLast(p)})`;
    const taken = new Set<string>();
    const added: Array<[string, string]> = [
      [outputName(input.schema, p.as, 'as', taken), `coalesce(${since} > ${step} * 1.5, false)`],
    ];
    if (p.countAs) {
      added.push([
        outputName(input.schema, p.countAs, 'countAs', taken),
        `coalesce(greatest(round(${since} / ${step})::INTEGER - 1, 0), 0)`,
      ]);
    }
    return selectReplacing(input, new Map(), added);
  },
});
