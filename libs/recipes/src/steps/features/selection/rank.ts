import { read } from '../../../core/params.js';
import { defineStep } from '../../../core/registry.js';
import { ident, requireColumn, NUMERIC_TYPES } from '../../../core/sql.js';
import { StepError } from '../../../core/step-error.js';
import type { FitContext, Relation } from '../../../core/types.js';
import { num, readOptionalStrings, requireAll } from '../shared.js';
import { selectWithout } from './drop-columns.js';

interface Ranked {
  column: string;
  score: number | null;
}

interface RankParams {
  target: string;
  method: 'correlation' | 'mutual_info';
  /** Candidate features (default: every other column; numeric ones only for correlation). */
  columns: string[];
  /** Keep only the k best candidates (others dropped); absent: keep all, only rank. */
  keepTop?: number;
  /** Quantile bins for numbers in the mutual-information estimate. */
  bins: number;
  /** Fitted: candidates by score, best first. */
  ranking?: Ranked[];
}

const isNumeric = (input: Relation, c: string) =>
  NUMERIC_TYPES.includes(requireColumn(input.schema, c).type);

/** A discrete version of a column: quantile bins for numbers, the value itself otherwise. */
function discrete(input: Relation, column: string, bins: number): string {
  const c = ident(column);
  return isNumeric(input, column)
    ? `CASE WHEN ${c} IS NULL THEN NULL ELSE ntile(${bins}) OVER (ORDER BY ${c}) END`
    : `CAST(${c} AS VARCHAR)`;
}

/** Mutual information (nats) of binned feature and target: Σ p(x,y)·ln(p(x,y) / (p(x)·p(y))). */
async function mutualInfo(
  p: RankParams,
  input: Relation,
  column: string,
  ctx: FitContext,
): Promise<number | null> {
  const pairs = `SELECT ${discrete(input, column, p.bins)} AS x, ${discrete(input, p.target, p.bins)} AS y FROM ${ident(input.name)} WHERE ${ident(column)} IS NOT NULL AND ${ident(p.target)} IS NOT NULL`;
  const [row] = await ctx.query(
    `SELECT sum(pxy * ln(pxy / (px * py))) AS mi FROM (
       SELECT count(*) OVER (PARTITION BY x, y)::DOUBLE / count(*) OVER () AS pxy,
              count(*) OVER (PARTITION BY x)::DOUBLE / count(*) OVER () AS px,
              count(*) OVER (PARTITION BY y)::DOUBLE / count(*) OVER () AS py,
              row_number() OVER (PARTITION BY x, y) AS first
       FROM (${pairs})) WHERE first = 1`,
  );
  return num(row?.mi);
}

async function rank(p: RankParams, input: Relation, ctx: FitContext): Promise<Ranked[]> {
  const candidates = (
    p.columns.length > 0 ? p.columns : input.schema.map((c) => c.name).filter((c) => c !== p.target)
  ).filter((c) => p.method === 'mutual_info' || p.columns.length > 0 || isNumeric(input, c));
  requireAll(input.schema, candidates, 'columns');
  const scores: Ranked[] = [];
  if (p.method === 'correlation') {
    if (!isNumeric(input, p.target))
      throw new StepError('correlation needs a numeric target', 'target');
    const items = candidates.map(
      (c, i) => `abs(corr(${ident(c)}::DOUBLE, ${ident(p.target)}::DOUBLE)) AS r${i}`,
    );
    const [row] = await ctx.query(`SELECT ${items.join(', ')} FROM ${ident(input.name)}`);
    candidates.forEach((c, i) => scores.push({ column: c, score: num(row[`r${i}`]) }));
  } else {
    for (const c of candidates)
      scores.push({ column: c, score: await mutualInfo(p, input, c, ctx) });
  }
  return scores.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
}

function readRanking(value: unknown): Ranked[] | undefined {
  if (value === undefined || value === null) return undefined;
  const valid =
    Array.isArray(value) &&
    value.every(
      (r: unknown) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as Ranked).column === 'string' &&
        ((r as Ranked).score === null || typeof (r as Ranked).score === 'number'),
    );
  if (!valid) throw new StepError('"ranking" must be a list of {column, score}', 'ranking');
  return value as Ranked[];
}

/** Ranks features by |correlation| or mutual information with a target; optionally keeps the top k. */
export const rankFeaturesStep = defineStep<RankParams>({
  op: 'selection.rank',
  family: 'selection',
  title: 'Rank features by mutual information or correlation with a target (keep top k)',
  parse: (raw) => ({
    target: read.string(raw, 'target'),
    method: read.oneOf(raw, 'method', ['correlation', 'mutual_info'] as const, 'mutual_info'),
    columns: readOptionalStrings(raw, 'columns'),
    keepTop: raw.keepTop === undefined ? undefined : read.integer(raw, 'keepTop', 1),
    bins: raw.bins === undefined ? 10 : read.integer(raw, 'bins', 2, 100),
    ranking: readRanking(raw.ranking),
  }),
  isFitted: (p) => Array.isArray(p.ranking),
  async fit(p, input, ctx) {
    requireColumn(input.schema, p.target, 'target');
    return { ...p, ranking: await rank(p, input, ctx) };
  },
  compile(p, input) {
    requireColumn(input.schema, p.target, 'target');
    const ranking = p.ranking ?? [];
    const drop = p.keepTop === undefined ? [] : ranking.slice(p.keepTop).map((r) => r.column);
    return selectWithout(input, drop);
  },
});
