// bench/ingest: upload-to-ready seconds through the gateway (multipart upload streamed into the
// blob store, ingestion job in data-tools: DuckDB -> zstd Parquet -> version) for a generated
// 1,000,000-row x 12-column CSV and vega-datasets' flights-3m.parquet. The reference, measured in
// the same run on the same files: DuckDB's own COPY (SELECT * FROM read_...) TO '...parquet' with
// the same thread count. Target: ready within 1.5x the DuckDB time; peak RSS of every process < 1 GiB.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { writeGeneratedCsv } from '../lib/generated-csv.mjs';
import { api, benchEnv, benchId, Platform, signUp, waitFor } from '../lib/platform.mjs';

const THREADS = Number(process.env.DUCKDB_THREADS ?? 2);
const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
const FLIGHTS = 'node_modules/vega-datasets/data/flights-3m.parquet';

async function duck() {
  return DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(THREADS),
  });
}

async function generateCsv(path) {
  const db = await duck();
  const c = await db.connect();
  await writeGeneratedCsv(c, ROWS, path);
  c.closeSync();
  db.closeSync();
}

/** DuckDB's own conversion time, the reference. */
async function duckSeconds(reader, out) {
  const db = await duck();
  const c = await db.connect();
  const t0 = performance.now();
  await c.run(`COPY (SELECT * FROM ${reader}) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
  const seconds = (performance.now() - t0) / 1000;
  c.closeSync();
  db.closeSync();
  return seconds;
}

async function uploadToReady(base, token, projectId, path, name) {
  const form = new FormData();
  form.set('name', name);
  form.set('file', await openAsBlob(path), name);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/projects/${projectId}/data-sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const { job } = await res.json();
  for (;;) {
    const current = await api(base, 'GET', `/api/v1/jobs/${job.id}`, undefined, token);
    if (current.status === 'succeeded') {
      // Where the time went: the upload (until the job row exists) and the job's own run.
      const upload = (Date.parse(current.createdAt) - (performance.timeOrigin + t0)) / 1000;
      const run = (Date.parse(current.finishedAt) - Date.parse(current.startedAt)) / 1000;
      return { seconds: (performance.now() - t0) / 1000, job: current, upload, run };
    }
    if (current.status !== 'queued' && current.status !== 'running') {
      throw new Error(`job ${current.status}: ${current.error?.message}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function peakRssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const id = benchId();
const dir = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
const env = benchEnv(id, {
  BLOB_DIR: join(dir, 'blobs'),
  DATA_TOOLS_WORK_DIR: join(dir, 'work'),
  DUCKDB_THREADS: String(THREADS),
});
const platform = new Platform(id, env);
try {
  const csv = join(dir, 'bench.csv');
  await generateCsv(csv);
  console.log(`generated ${ROWS} x 12 CSV: ${((await stat(csv)).size / 1024 ** 2).toFixed(0)} MiB`);
  const refCsv = await duckSeconds(`read_csv('${csv}')`, join(dir, 'ref-csv.parquet'));
  const refFlights = await duckSeconds(
    `read_parquet('${FLIGHTS}')`,
    join(dir, 'ref-flights.parquet'),
  );

  await platform.createDatabase();
  const port = 4100 + Math.floor(Math.random() * 80); // below 4190, a port fetch refuses
  const base = `http://127.0.0.1:${port}`;
  const names = ['auth', 'projects', 'data-tools'];
  for (const name of names) platform.start(`services/${name}/dist/main.js`);
  platform.start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
  // Start-up takes long on a loaded machine: give the processes up to two minutes.
  await waitFor(async () => (await fetch(`${base}/api/v1/auth/me`)).status === 401, 'gateway', 600);
  const { token } = await signUp(base, id);
  const project = await api(base, 'POST', '/api/v1/projects', { name: `bench ${id}` }, token);

  const rows = [];
  const a = await uploadToReady(base, token, project.id, csv, 'bench.csv');
  rows.push(['1M x 12 CSV', a, refCsv]);
  const b = await uploadToReady(base, token, project.id, FLIGHTS, 'flights-3m.parquet');
  rows.push(['flights-3m.parquet', b, refFlights]);

  console.log(
    '\nfile                  rows       upload->ready (upload, job)   DuckDB COPY  ratio  (target <= 1.5)',
  );
  for (const [name, r, ref] of rows) {
    const parts = `(${r.upload.toFixed(2)} s, ${r.run.toFixed(2)} s)`;
    console.log(
      `${name.padEnd(21)} ${String(r.job.result.rows).padEnd(10)} ${r.seconds.toFixed(2).padStart(9)} s ${parts.padEnd(18)} ${ref.toFixed(2).padStart(9)} s  ${(r.seconds / ref).toFixed(2).padStart(5)}`,
    );
  }
  const labels = [...names, 'gateway'];
  const rss = await Promise.all(platform.children.map((child) => peakRssMiB(child.pid)));
  console.log(
    '\npeak RSS (MiB, target < 1024): ' + labels.map((l, i) => `${l} ${rss[i]}`).join(', '),
  );
} finally {
  await platform.stop();
  const nc = await connect({ servers: env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(`bench_${id}_JOBS`).catch(() => false);
  await nc.close();
  await rm(dir, { recursive: true, force: true });
}
