// bench/features: a feature recipe on a generated hourly series of 100 stations (10M rows by
// default) compiled by libs/recipes (compileRecipe + DuckRecipeEngine) against the same query
// written by hand straight in DuckDB, both measured in this run on the same Parquet file, one after
// the other (ours, then the reference, per measurement) so load changes on a shared machine hit both.
// The recipe: 6 lags of flow, 4 rolling windows (precip sum 24 h, flow mean 24 h, temp min and max
// 168 h) per station, then a daily resample (empty days filled, the default). Printed: preview
// (first 100 rows) and materialisation (COPY to zstd Parquet) seconds and the ratio ours / DuckDB.
// Target: materialisation <= 1.3x.
// Env: BENCH_FEATURES_ROWS (default 10,000,000), DUCKDB_THREADS (default 2).
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROWS = Number(process.env.BENCH_FEATURES_ROWS ?? 10_000_000);
const STATIONS = 100;
const THREADS = process.env.DUCKDB_THREADS ?? '2';
const dist = 'libs/recipes/dist/index.js';
if (!existsSync(dist)) {
  console.log('libs/recipes is not built: run `npm run build` first.');
  process.exit(1);
}
const recipes = await import(`../../${dist}`);

async function connect() {
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: THREADS,
  });
  return { db, c: await db.connect() };
}

/** Hourly rows: station i has ROWS / 100 consecutive hours from 2010-01-01. */
async function generate(c, path) {
  const hours = Math.floor(ROWS / STATIONS);
  await c.run(`COPY (
      SELECT 'st_' || lpad((r % ${STATIONS})::VARCHAR, 3, '0') AS station,
        TIMESTAMP '2010-01-01' + INTERVAL 1 HOUR * (r // ${STATIONS}) AS ts,
        CASE WHEN random() < 0.8 THEN 0 ELSE round(random() * 12, 1) END AS precip,
        round(50 + 30 * sin((r // ${STATIONS}) / 500.0 + (r % ${STATIONS})) + random() * 5, 3) AS flow,
        round(10 + 12 * sin((r // ${STATIONS}) * 2 * pi() / 8766) + random() * 3, 2) AS temp
      FROM range(${hours * STATIONS}) t(r)
    ) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
  return hours * STATIONS;
}

const order = { orderBy: 'ts', partitionBy: ['station'] };
const rolling = [
  ['precip', 'sum', 24],
  ['flow', 'mean', 24],
  ['temp', 'min', 168],
  ['temp', 'max', 168],
];
const lags = [1, 2, 3, 6, 12, 24];
const features = [
  ...lags.map((k) => `flow_lag_${k}`),
  ...rolling.map(([c, fn, n]) => `${c}_rolling_${fn}_${n}`),
];
const steps = [
  { op: 'timeseries.lag', params: { ...order, column: 'flow', periods: lags } },
  ...rolling.map(([column, fn, window]) => ({
    op: 'timeseries.rolling',
    params: { ...order, column, fn, window, minPeriods: 1 },
  })),
  {
    op: 'timeseries.resample',
    params: {
      ...order,
      every: 'day',
      aggregations: [
        { column: 'precip', fn: 'sum' },
        { column: 'flow', fn: 'mean' },
        { column: 'temp', fn: 'max' },
        ...features.map((column) => ({ column, fn: 'mean' })),
      ],
    },
  },
];

/**
 * The same query as one would write it by hand (one WINDOW, one GROUP BY), then the empty days
 * filled as the step does by default (emptyPeriods 'fill', pandas' resample): a generate_series of
 * days per station from its first to its last day, left-joined to the daily rows, precip summed to
 * 0 on a day without rows. The generated series has no gaps, so the fill adds no rows here, but
 * both sides pay for it.
 */
function referenceSql(path) {
  const lagSql = lags.map((k) => `lag(flow, ${k}) OVER w AS flow_lag_${k}`);
  const agg = { sum: 'sum', mean: 'avg', min: 'min', max: 'max' };
  const rollSql = rolling.map(
    ([c, fn, n]) =>
      `${agg[fn]}(${c}) OVER (w ROWS BETWEEN ${n - 1} PRECEDING AND CURRENT ROW) AS ${c}_rolling_${fn}_${n}`,
  );
  const daily = `SELECT station, date_trunc('day', ts) AS ts, sum(precip) AS precip, avg(flow) AS flow,
      max(temp) AS temp, ${features.map((f) => `avg(${f}) AS ${f}`).join(', ')}
    FROM (SELECT *, ${[...lagSql, ...rollSql].join(', ')} FROM read_parquet('${path}')
          WINDOW w AS (PARTITION BY station ORDER BY ts))
    GROUP BY station, date_trunc('day', ts)`;
  return `WITH daily AS MATERIALIZED (${daily}),
      days AS (SELECT station, unnest(generate_series(min(ts), max(ts), INTERVAL 1 DAY)) AS ts
               FROM daily GROUP BY station)
    SELECT days.station, days.ts, coalesce(d.precip, 0) AS precip, d.flow, d.temp,
      ${features.map((f) => `d.${f}`).join(', ')}
    FROM days LEFT JOIN daily d ON d.station = days.station AND d.ts = days.ts`;
}

/** Wall seconds, and CPU seconds of this process (DuckDB's worker threads included). */
async function timed(fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, value };
}

async function compileOurs(c, path) {
  const engine = new recipes.DuckRecipeEngine(c);
  const source = recipes.parquetSource(`'${path}'`);
  const schema = (await engine.describe(source, [])).filter((s) => s.name !== recipes.ROW_ID);
  return recipes.compileRecipe({
    registry: recipes.STEPS,
    engine,
    base: { sql: source, schema },
    steps,
  });
}

async function measure(dir, path) {
  const { db, c } = await connect();
  const compiled = await timed(() => compileOurs(c, path));
  const recipe = compiled.value;
  const ours = recipes.selectHead(recipe, `ORDER BY ${recipes.ident(recipes.ROW_ID)}`);
  const reference = referenceSql(path);
  const rows = [];
  const pair = async (what, oursFn, refFn) => {
    const a = await timed(oursFn);
    const b = await timed(refFn);
    rows.push({
      what,
      'ours s': a.seconds.toFixed(2),
      'DuckDB s': b.seconds.toFixed(2),
      ratio: (a.seconds / b.seconds).toFixed(2),
      'ours cpu s': a.cpu.toFixed(2),
      'DuckDB cpu s': b.cpu.toFixed(2),
      'cpu ratio': (a.cpu / b.cpu).toFixed(2),
    });
    return [a.value, b.value];
  };
  const [p1, p2] = await pair(
    'preview (first 100 rows)',
    () => c.runAndReadAll(`${ours} LIMIT 100`, recipe.binds),
    () => c.runAndReadAll(`${reference} ORDER BY station, ts LIMIT 100`),
  );
  const same = JSON.stringify(p1.getRowObjectsJson()) === JSON.stringify(p2.getRowObjectsJson());
  await pair(
    'materialise (COPY to Parquet)',
    () =>
      c.run(
        `COPY (${ours}) TO '${join(dir, 'ours.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
        recipe.binds,
      ),
    () =>
      c.run(
        `COPY (${reference} ORDER BY station, ts) TO '${join(dir, 'ref.parquet')}' (FORMAT parquet, COMPRESSION zstd)`,
      ),
  );
  const count = await c.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM '${join(dir, 'ours.parquet')}'`,
  );
  c.closeSync();
  db.closeSync();
  return { rows, compileSeconds: compiled.seconds, same, outRows: count.getRowObjectsJson()[0].n };
}

const dir = await mkdtemp(join(tmpdir(), 'hydroml-bench-features-'));
try {
  const { db, c } = await connect();
  const path = join(dir, 'hourly.parquet');
  const gen = await timed(() => generate(c, path));
  c.closeSync();
  db.closeSync();
  console.log(
    `generated ${gen.value.toLocaleString()} hourly rows for ${STATIONS} stations in ${gen.seconds.toFixed(1)} s; DuckDB threads ${THREADS}`,
  );
  const result = await measure(dir, path);
  console.log(
    `recipe: ${steps.length} steps compiled (fits + DESCRIBE) in ${result.compileSeconds.toFixed(2)} s; ${result.outRows.toLocaleString()} daily rows; previews identical: ${result.same}`,
  );
  console.table(result.rows);
  const materialise = Number(result.rows[1].ratio);
  console.log(
    `materialisation ratio ${materialise.toFixed(2)} (target <= 1.3): ${materialise <= 1.3 ? 'met' : 'NOT met'}`,
  );
  console.log('(wall times swing on a shared machine; the CPU ratio is the steadier comparison)');
} finally {
  await rm(dir, { recursive: true, force: true });
}
