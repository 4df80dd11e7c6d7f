import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSchema, PreflightClass } from '@hydroml/contracts';
import { sqlIdent } from '../../engine/duck-engine.js';
import { PREFLIGHT_LIMITS, type PreflightColumn, type PreflightStats } from './preflight.types.js';

const NUMERIC = new Set(['integer', 'float']);

/**
 * The statistics pre-flight needs, in one aggregate pass over `source` (a relation such as
 * `read_parquet('...')`) plus one small GROUP BY for the target's classes.
 */
export async function preflightStats(
  c: DuckDBConnection,
  source: string,
  schema: readonly ColumnSchema[],
  target: ColumnSchema,
  featureNames: readonly string[],
): Promise<PreflightStats> {
  const byName = new Map(schema.map((col) => [col.name, col]));
  const features = featureNames.flatMap((n) => byName.get(n) ?? []);
  const missingFeatures = featureNames.filter((n) => !byName.has(n));
  const columns = [target, ...features.filter((f) => f.name !== target.name)];
  const selects = [
    'count(*)::DOUBLE AS n',
    ...columns.flatMap((col, i) => columnAggs(col, i, target)),
  ];
  const row = (
    await c.runAndReadAll(`SELECT ${selects.join(', ')} FROM ${source}`)
  ).getRowObjectsJson()[0];
  const num = (key: string) => (row[key] === null ? null : Number(row[key]));
  const stats = columns.map((col, i): PreflightColumn => ({
    ...{ name: col.name, type: col.type, present: num(`p${i}`) ?? 0, distinct: num(`d${i}`) ?? 0 },
    equalsTarget: i > 0 && row[`e${i}`] === true,
    corrWithTarget: i > 0 ? finite(num(`r${i}`)) : null,
  }));
  const targetStats = stats[0];
  const classes =
    targetStats.distinct <= PREFLIGHT_LIMITS.maxClasses
      ? await classCounts(c, source, target.name)
      : [];
  const featureStats = features.map((f) => stats.find((s) => s.name === f.name) ?? targetStats);
  return {
    rows: num('n') ?? 0,
    target: targetStats,
    features: featureStats,
    missingFeatures,
    classes,
  };
}

function finite(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : v;
}

function columnAggs(col: ColumnSchema, i: number, target: ColumnSchema): string[] {
  const q = sqlIdent(col.name);
  const t = sqlIdent(target.name);
  const aggs = [`count(${q})::DOUBLE AS p${i}`, `count(DISTINCT ${q})::DOUBLE AS d${i}`];
  if (i === 0) return aggs;
  const bothNumeric = NUMERIC.has(col.type) && NUMERIC.has(target.type);
  const same = bothNumeric
    ? `${q}::DOUBLE IS NOT DISTINCT FROM ${t}::DOUBLE`
    : `${q}::VARCHAR IS NOT DISTINCT FROM ${t}::VARCHAR`;
  aggs.push(`coalesce(bool_and(${same}), true) AS e${i}`);
  aggs.push(bothNumeric ? `corr(${q}::DOUBLE, ${t}::DOUBLE) AS r${i}` : `NULL AS r${i}`);
  return aggs;
}

async function classCounts(
  c: DuckDBConnection,
  source: string,
  target: string,
): Promise<PreflightClass[]> {
  const t = sqlIdent(target);
  const sql = `SELECT ${t}::VARCHAR AS v, count(*)::DOUBLE AS n FROM ${source} WHERE ${t} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${PREFLIGHT_LIMITS.maxClasses}`;
  const rows = (await c.runAndReadAll(sql)).getRowObjectsJson();
  return rows.map((r) => ({
    value: typeof r.v === 'string' ? r.v : JSON.stringify(r.v),
    count: Number(r.n),
  }));
}
