// bench/quality: profiling and validation through the platform, against pandas in the same run.
// Data: bench/ingest's generated 1,000,000-row x 12-column CSV (same generator) and vega-datasets'
// flights-3m.parquet, each uploaded as a version. Measured: the profile job of each version (the
// job's own compute time and POST-to-done), pandas (Debian's python3-pandas, /usr/bin/python3)
// doing describe() with quantiles, value_counts() of text columns, duplicated() and corr() on the
// same data (reading the file not timed), and a 20-expectation suite validated over the 3M flights.
// Targets: profile <= 0.5x pandas; the 20-expectation validation <= 2 s.
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { FLIGHTS, writeFlightsCsv, writeGeneratedCsv } from '../lib/generated-csv.mjs';
import { api, benchEnv, benchId, Platform, signUp, waitFor } from '../lib/platform.mjs';
import { pandasReference as pandas } from './pandas-ref.mjs';

const THREADS = Number(process.env.DUCKDB_THREADS ?? 2);
const ROWS = Number(process.env.BENCH_QUALITY_ROWS ?? 1_000_000);

async function duck(work) {
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(THREADS),
  });
  const c = await db.connect();
  try {
    return await work(c);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** bench/ingest's generator: 1M x 12 (ints, floats with nulls, text, dates, timestamps). */
function generateCsv(path) {
  return duck((c) => writeGeneratedCsv(c, ROWS, path));
}

function flightsCsv(path) {
  return duck((c) => writeFlightsCsv(c, path));
}

async function job(base, token, id) {
  for (;;) {
    const current = await api(base, 'GET', `/api/v1/jobs/${id}`, undefined, token);
    if (current.status === 'succeeded') return current;
    if (current.status !== 'queued' && current.status !== 'running') {
      throw new Error(`job ${current.status}: ${current.error?.message}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function upload(base, token, projectId, path, name) {
  const form = new FormData();
  form.set('name', name);
  form.set('file', await openAsBlob(path), name);
  const res = await fetch(`${base}/api/v1/projects/${projectId}/data-sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const body = await res.json();
  await job(base, token, body.job.id);
  return body.dataSource.id;
}

async function profile(base, token, dataSourceId) {
  const t0 = performance.now();
  const queued = await api(
    base,
    'POST',
    `/api/v1/data-sources/${dataSourceId}/versions/1/profile`,
    {},
    token,
  );
  await job(base, token, queued.id);
  const wall = (performance.now() - t0) / 1000;
  const view = await api(
    base,
    'GET',
    `/api/v1/data-sources/${dataSourceId}/versions/1/profile`,
    undefined,
    token,
  );
  const passes = (view.timings ?? []).map((t) => `${t.pass} ${t.seconds.toFixed(2)}`).join('; ');
  return { wall, compute: view.durationMs / 1000, alerts: view.alerts.length, passes };
}

const FLIGHT_SUITE = [
  ['expect_table_row_count_to_be_between', { min_value: 1_000_000, max_value: 5_000_000 }],
  [
    'expect_table_columns_to_match_ordered_list',
    { column_list: ['date', 'delay', 'distance', 'origin', 'destination'] },
  ],
  ['expect_column_values_to_not_be_null', { column: 'date' }],
  ['expect_column_values_to_not_be_null', { column: 'delay', mostly: 0.99 }],
  ['expect_column_values_to_not_be_null', { column: 'origin' }],
  [
    'expect_column_values_to_be_between',
    { column: 'delay', min_value: -120, max_value: 600, mostly: 0.99 },
  ],
  ['expect_column_values_to_be_between', { column: 'distance', min_value: 1, max_value: 5000 }],
  [
    'expect_column_values_to_be_between',
    { column: 'date', min_value: '2001-01-01', max_value: '2001-12-31 23:59:59' },
  ],
  ['expect_column_values_to_match_regex', { column: 'origin', regex: '^[A-Z]{3}$' }],
  [
    'expect_column_value_lengths_to_be_between',
    { column: 'destination', min_value: 3, max_value: 3 },
  ],
  ['expect_column_values_to_not_be_in_set', { column: 'origin', value_set: ['XXX', 'ZZZ'] }],
  [
    'expect_column_values_to_be_in_set',
    { column: 'origin', value_set: ['ATL', 'ORD', 'DFW', 'LAX', 'DEN'], mostly: 0.1 },
  ],
  ['expect_column_mean_to_be_between', { column: 'delay', min_value: -10, max_value: 30 }],
  ['expect_column_median_to_be_between', { column: 'distance', min_value: 100, max_value: 2000 }],
  ['expect_column_stdev_to_be_between', { column: 'delay', min_value: 1, max_value: 100 }],
  ['expect_column_max_to_be_between', { column: 'distance', max_value: 6000 }],
  ['expect_column_min_to_be_between', { column: 'delay', min_value: -1000 }],
  [
    'expect_column_unique_value_count_to_be_between',
    { column: 'origin', min_value: 10, max_value: 1000 },
  ],
  [
    'expect_column_pair_values_a_to_be_greater_than_b',
    { column_A: 'distance', column_B: 'delay', mostly: 0.9 },
  ],
  ['expect_column_values_to_be_increasing', { column: 'date' }],
].map(([type, kwargs]) => ({ type, kwargs }));

async function validate(base, token, dataSourceId) {
  const suite = await api(
    base,
    'POST',
    `/api/v1/data-sources/${dataSourceId}/suites`,
    { name: 'bench', expectations: FLIGHT_SUITE },
    token,
  );
  const t0 = performance.now();
  const queued = await api(
    base,
    'POST',
    `/api/v1/suites/${suite.id}/validate`,
    { version: 1 },
    token,
  );
  const done = await job(base, token, queued.id);
  const wall = (performance.now() - t0) / 1000;
  const run = await api(base, 'GET', `/api/v1/validations/${queued.id}`, undefined, token);
  const inJob = (Date.parse(done.finishedAt) - Date.parse(done.startedAt)) / 1000;
  return { wall, inJob, met: run.statistics.successful, of: run.statistics.evaluated };
}

const id = benchId();
const dir = await mkdtemp(join(tmpdir(), 'bench-quality-'));
const env = benchEnv(id, {
  BLOB_DIR: join(dir, 'blobs'),
  DATA_TOOLS_WORK_DIR: join(dir, 'work'),
  DUCKDB_THREADS: String(THREADS),
});
const platform = new Platform(id, env);
try {
  const csv = join(dir, 'bench.csv');
  const flights = join(dir, 'flights.csv');
  await generateCsv(csv);
  await flightsCsv(flights);
  await platform.createDatabase();
  const port = 4200 + Math.floor(Math.random() * 100);
  const base = `http://127.0.0.1:${port}`;
  for (const name of ['auth', 'projects', 'data-tools'])
    platform.start(`services/${name}/dist/main.js`);
  platform.start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
  await waitFor(async () => (await fetch(`${base}/api/v1/auth/me`)).status === 401, 'gateway');
  const { token } = await signUp(base, id);
  const project = await api(base, 'POST', '/api/v1/projects', { name: `bench ${id}` }, token);
  const generated = await upload(base, token, project.id, csv, 'bench.csv');
  const flown = await upload(base, token, project.id, FLIGHTS, 'flights-3m.parquet');

  const rows = [
    ['1M x 12 CSV', await profile(base, token, generated), pandas(csv, 'd1,t1,d2')],
    ['flights-3m', await profile(base, token, flown), pandas(flights, 'date')],
  ];
  console.log(
    '\ndata          profile job (compute / POST->done)  pandas (describe+quantiles+value_counts+duplicated+corr)  ratio (target <= 0.5)',
  );
  for (const [name, p] of rows) console.log(`${name} profile passes (s): ${p.passes}`);
  for (const [name, p, ref] of rows) {
    const ratio = ref ? (p.compute / ref.total_s).toFixed(2) : 'n/a';
    const detail = ref
      ? `${ref.total_s.toFixed(2)} s (describe ${ref.describe_s.toFixed(2)}, value_counts ${ref.value_counts_s.toFixed(2)}, duplicated ${ref.duplicated_s.toFixed(2)}, corr ${ref.corr_s.toFixed(2)}; read ${ref.read_s.toFixed(1)} s not counted)`
      : 'n/a';
    console.log(
      `${name.padEnd(13)} ${p.compute.toFixed(2).padStart(6)} s / ${p.wall.toFixed(2)} s, ${p.alerts} alerts   ${detail}   ${ratio}`,
    );
  }
  const v = await validate(base, token, flown);
  console.log(
    `\n20-expectation suite over flights-3m (3,000,000 rows): ${v.inJob.toFixed(2)} s in the job, ${v.wall.toFixed(2)} s POST->done (target <= 2 s); ${v.met}/${v.of} met`,
  );
} finally {
  await platform.stop();
  const nc = await connect({ servers: env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(`bench_${id}_JOBS`).catch(() => false);
  await nc.close();
  await rm(dir, { recursive: true, force: true });
}
