// bench/studio: a 100-row grid page with a two-column sort and two filters through the gateway
// (POST /data-sources/:id/versions/:n/rows), cold (every request a new filter value, so nothing is
// cached) and cached (the same request again), on vega-datasets' flights-3m.parquet and a generated
// 10M x 10 dataset. Reference, in the same run on the same Parquet file with the same thread count:
// the same SQL (page and exact count, as the service runs them) straight in DuckDB.
// Targets: cold page <= 1.25x raw DuckDB; cached page p95 <= 10 ms.
// Also (generated dataset): a 10-step session recipe, its preview, a head page and its save.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { api, benchEnv, benchId, Platform, signUp, waitFor } from '../lib/platform.mjs';
import { uploadToReady, percentile, scenarios, referenceSql } from './scenarios.mjs';
import { recipeFigures } from './recipe.mjs';

const THREADS = Number(process.env.DUCKDB_THREADS ?? 2);
const ROWS = Number(process.env.BENCH_STUDIO_ROWS ?? 10_000_000);
const COLD = Number(process.env.BENCH_STUDIO_COLD ?? 6);
const CACHED = Number(process.env.BENCH_STUDIO_CACHED ?? 150);
const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet';

async function duck() {
  return DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(THREADS),
  });
}

async function generateParquet(path) {
  const db = await duck();
  const c = await db.connect();
  await c.run(`COPY (SELECT range AS id, (range * 7919) % 100000 AS a, random() * 1000 AS b,
      round(random() * 100, 2) AS c, 'station_' || (range % 1000) AS s1, 'river ' || (range % 37) AS s2,
      DATE '2000-01-01' + (range % 9000)::INT AS d, TIMESTAMP '2020-01-01' + INTERVAL (range) SECOND AS t,
      CASE WHEN range % 20 = 0 THEN NULL ELSE random() END AS f, range % 3 = 0 AS flag
    FROM range(${ROWS})) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
  c.closeSync();
  db.closeSync();
}

/** Milliseconds of `work` run `n` times sequentially (i = 0..n-1). */
async function timings(n, work) {
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await work(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** The same page + count SQL in DuckDB on two connections at once, as the service runs them. */
async function rawRunner(file, scenario, schema) {
  const db = await duck();
  const [page, count] = [await db.connect(), await db.connect()];
  const both = async (i) => {
    const q = referenceSql(file, schema, scenario.request(i));
    const [rows, n] = await Promise.all([
      page.runAndReadAll(q.pageSql, q.pageBinds),
      count.runAndReadAll(q.countSql, q.countBinds),
    ]);
    return { rows: rows.getRowObjectsJson(), count: Number(n.getRowObjectsJson()[0].n) };
  };
  const pageOnly = async (i) => {
    const q = referenceSql(file, schema, scenario.request(i));
    await page.runAndReadAll(q.pageSql, q.pageBinds);
  };
  const close = () => {
    page.closeSync();
    count.closeSync();
    db.closeSync();
  };
  return { both, pageOnly, close };
}

async function elapsed(work) {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/**
 * Cold requests and their DuckDB references interleaved (service i, DuckDB i, page alone i), so
 * both see the same machine load; then cached requests and the platform floor.
 */
async function measure(base, token, version, dir, scenario) {
  const path = `/api/v1/data-sources/${version.dataSourceId}/versions/${version.version}/rows`;
  const post = (body) => api(base, 'POST', path, body, token);
  const file = join(dir, 'work', 'cache', `${version.sha256}.parquet`);
  await post(scenario.request(-1)); // untimed: fetches the blob into the local cache, warms DuckDB
  const raw = await rawRunner(file, scenario, version.schema);
  await raw.both(-1); // untimed: warms this instance the same way
  const r = { cold: [], raw: { ms: [], pageOnly: [] }, cached: [], floor: [] };
  for (let i = 0; i < COLD; i += 1) {
    r.cold.push(await elapsed(() => post(scenario.request(i))));
    r.raw.ms.push(await elapsed(() => raw.both(i)));
    r.raw.pageOnly.push(await elapsed(() => raw.pageOnly(i)));
  }
  const warm = scenario.request(0);
  r.cached = await timings(CACHED, () => post(warm));
  // The platform's floor for one authenticated call through gateway, NATS and an access check.
  const detail = `/api/v1/data-sources/${version.dataSourceId}/versions/${version.version}`;
  r.floor = await timings(CACHED, () => api(base, 'GET', detail, undefined, token));
  const [served, check] = [await post(warm), await raw.both(0)];
  raw.close();
  const rows = check.rows.map(({ __hydroml_rid, ...rest }) => rest);
  if (served.rowCount !== check.count || JSON.stringify(served.rowData) !== JSON.stringify(rows)) {
    throw new Error(`${scenario.name}: the service and DuckDB disagree`);
  }
  return r;
}

function report(name, rows, r) {
  const p = (xs, q) => percentile(xs, q).toFixed(1).padStart(7);
  const ratio = percentile(r.cold, 50) / percentile(r.raw.ms, 50);
  const pageRatio = percentile(r.cold, 50) / percentile(r.raw.pageOnly, 50);
  console.log(
    `${name.padEnd(14)} ${String(rows).padStart(9)}  cold p50 ${p(r.cold, 50)} p95 ${p(r.cold, 95)} | raw DuckDB p50 ${p(r.raw.ms, 50)} p95 ${p(r.raw.ms, 95)} | ratio ${ratio.toFixed(2)} (target <= 1.25; vs page query alone ${pageRatio.toFixed(2)}) | cached p50 ${p(r.cached, 50)} p95 ${p(r.cached, 95)} (target p95 <= 10; GET version detail p50 ${p(r.floor, 50)} p95 ${p(r.floor, 95)})`,
  );
}

const id = benchId();
const dir = await mkdtemp(join(tmpdir(), 'bench-studio-'));
const env = benchEnv(id, {
  BLOB_DIR: join(dir, 'blobs'),
  DATA_TOOLS_WORK_DIR: join(dir, 'work'),
  DUCKDB_THREADS: String(THREADS),
  DUCKDB_MEMORY_LIMIT: process.env.DUCKDB_MEMORY_LIMIT ?? '1GiB',
});
const platform = new Platform(id, env);
try {
  const generated = join(dir, 'generated.parquet');
  if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.includes('generated')) {
    await generateParquet(generated);
  }
  await platform.createDatabase();
  const port = 4600 + Math.floor(Math.random() * 100);
  const base = `http://127.0.0.1:${port}`;
  for (const name of ['auth', 'projects', 'data-tools'])
    platform.start(`services/${name}/dist/main.js`);
  platform.start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
  await waitFor(async () => (await fetch(`${base}/api/v1/auth/me`)).status === 401, 'gateway', 300);
  const { token } = await signUp(base, id);
  const project = await api(base, 'POST', '/api/v1/projects', { name: `bench ${id}` }, token);
  const files = { flights: FLIGHTS, generated };
  console.log(`\ndataset            rows  (milliseconds; ${COLD} cold, ${CACHED} cached requests)`);
  const only = process.env.BENCH_ONLY?.split(',');
  for (const scenario of scenarios.filter((s) => !only || only.includes(s.name))) {
    const version = await uploadToReady(
      base,
      token,
      project.id,
      files[scenario.file],
      scenario.name,
    );
    report(scenario.name, version.rows, await measure(base, token, version, dir, scenario));
    if (scenario.file === 'generated') {
      await recipeFigures(base, token, version).catch((error) =>
        console.log(`10-step recipe: failed: ${error.message}`),
      );
    }
  }
} finally {
  await platform.stop();
  const nc = await connect({ servers: env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(`bench_${id}_JOBS`).catch(() => false);
  await nc.close();
  await rm(dir, { recursive: true, force: true });
}
