// bench/connectors: import N rows x 12 columns (default 1,000,000) from the local PostgreSQL and
// MariaDB through the platform (gateway -> connectors job: server-side cursor -> NDJSON blob ->
// data-tools DuckDB ingestion), next to the raw client export of the same rows in the same run:
// `psql -c "\copy (...) to stdout"` and `mysql --batch`. Prints rows/s, the ratio, and the peak
// RSS of the connectors process. Target: >= 0.5x the raw export speed, peak RSS < 512 MB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, benchEnv, benchId, Platform, signUp, waitFor } from '../lib/platform.mjs';
import { createMariaSource, createPostgresSource, dropSources, MARIADB } from './sources.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const id = benchId();
const source = `hydroml_benchsrc_${id}`;
const blobDir = mkdtempSync(join(tmpdir(), 'hydroml-bench-blobs-'));
const platform = new Platform(id, benchEnv(id, { BLOB_DIR: blobDir }));

function timed(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function rawExports(pgUrl) {
  const sql = 'SELECT * FROM flows';
  const psql = timed(() =>
    execFileSync('psql', [pgUrl, '-q', '-c', `\\copy (${sql}) to stdout`], {
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1 << 30,
    }),
  );
  const mysqlArgs = [
    '--batch',
    '-h',
    MARIADB.host,
    '-P',
    String(MARIADB.port),
    '-u',
    MARIADB.user,
    source,
    '-e',
    sql,
  ];
  if (MARIADB.password) mysqlArgs.push(`-p${MARIADB.password}`);
  const mariadb = timed(() =>
    execFileSync('mysql', mysqlArgs, { stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  return { postgresql: psql, mysql: mariadb };
}

async function waitForJob(gw, token, jobId) {
  let job;
  await waitFor(
    async () => {
      job = await api(gw, 'GET', `/api/v1/jobs/${jobId}`, undefined, token);
      return ['succeeded', 'failed', 'cancelled'].includes(job.status);
    },
    `job ${jobId}`,
    3000,
  );
  if (job.status !== 'succeeded')
    throw new Error(`job ${jobId} ${job.status}: ${JSON.stringify(job.error)}`);
  return job;
}

async function importThrough(gw, token, projectId, connection) {
  const conn = await api(gw, 'POST', '/api/v1/connections', connection, token);
  const started = process.hrtime.bigint();
  const job = await api(
    gw,
    'POST',
    `/api/v1/connections/${conn.id}/import`,
    { table: 'flows', projectId, name: `flows ${connection.type}` },
    token,
  );
  const done = await waitForJob(gw, token, job.id);
  const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await waitForJob(gw, token, done.result.ingestJobId);
  const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows: done.result.rows, importSeconds, readySeconds };
}

function peakRssMb(child) {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function main() {
  console.log(
    `bench/connectors: ${ROWS.toLocaleString('en')} rows x 12 columns (2 cores shared by every process)\n`,
  );
  const pgUrl = await createPostgresSource(source, ROWS);
  await createMariaSource(source, ROWS);
  const raw = rawExports(pgUrl);
  await platform.createDatabase();
  const port = 4100 + Math.floor(Math.random() * 50);
  const gw = `http://127.0.0.1:${port}`;
  for (const svc of ['auth', 'projects', 'data-tools'])
    platform.start(`services/${svc}/dist/main.js`);
  const connectors = platform.start('services/connectors/dist/main.js');
  platform.start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
  // Start-up takes long on a loaded machine: give the processes up to two minutes.
  await waitFor(async () => (await fetch(`${gw}/api/v1/auth/me`)).status === 401, 'gateway', 600);
  const { token } = await signUp(gw, id);
  const project = await api(gw, 'POST', '/api/v1/projects', { name: 'bench imports' }, token);
  const pgUser = new URL(pgUrl).username || 'postgres';
  const results = {
    postgresql: await importThrough(gw, token, project.id, {
      name: 'pg',
      type: 'postgresql',
      host: '127.0.0.1',
      database: source,
      user: pgUser,
    }),
    mysql: await importThrough(gw, token, project.id, {
      name: 'maria',
      type: 'mysql',
      host: MARIADB.host,
      port: MARIADB.port,
      database: source,
      user: MARIADB.user,
      password: MARIADB.password || undefined,
    }),
  };
  console.log('source      raw export         import (rows read)        ratio   ready (ingested)');
  for (const [name, r] of Object.entries(results)) {
    const rawRate = ROWS / raw[name];
    const rate = r.rows / r.importSeconds;
    console.log(
      `${name.padEnd(11)} ${(rawRate / 1000).toFixed(0).padStart(6)} k rows/s   ${(rate / 1000).toFixed(0).padStart(6)} k rows/s (${r.importSeconds.toFixed(1)} s)   ${(rate / rawRate).toFixed(2).padStart(5)}   ${r.readySeconds.toFixed(1)} s`,
    );
  }
  const rss = peakRssMb(connectors);
  console.log(`\npeak RSS of the connectors process: ${rss.toFixed(0)} MB (target < 512 MB)`);
  const met =
    Object.entries(results).every(
      ([name, r]) => r.rows / r.importSeconds >= 0.5 * (ROWS / raw[name]),
    ) && rss < 512;
  console.log(
    `target: >= 0.5x the raw export speed and RSS < 512 MB -> ${met ? 'met' : 'NOT met'}`,
  );
}

try {
  await main();
} finally {
  await platform.stop();
  await dropSources(source);
  rmSync(blobDir, { recursive: true, force: true });
}
