// bench/quality/profile-passes.mjs: the profile computation alone (no services), for working on
// its passes. Builds the two tables of bench/quality (the generated 1M x 12 CSV and flights-3m,
// each ingested to Parquet as an upload would be), then profiles each REPEAT times and prints
// wall and CPU seconds (CPU: this process, i.e. DuckDB's threads too) for the profile and for
// every statement, slowest first. With PANDAS=1 the pandas reference of bench/quality runs
// alongside, for a ratio measured under the same load.
//   npx nx run @hydroml/data-tools:build && node bench/quality/profile-passes.mjs
import 'reflect-metadata';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetSource } from '@hydroml/recipes';
import { FLIGHTS, writeFlightsCsv, writeGeneratedCsv } from '../lib/generated-csv.mjs';
import { pandasReference } from './pandas-ref.mjs';

const THREADS = process.env.DUCKDB_THREADS ?? '2';
const ROWS = Number(process.env.BENCH_QUALITY_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.REPEAT ?? 2);
const DIST = new URL('../../services/data-tools/dist/', import.meta.url);
const { computeProfile } = await import(new URL('quality/profile/compute-profile.js', DIST));
const { ingestFile } = await import(new URL('ingestion/ingest-file.js', DIST));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** A connection whose statements are timed into `log`. */
function timed(connection, log) {
  const wrap =
    (name) =>
    async (sql, ...args) => {
      const [t, c] = [performance.now(), cpu()];
      try {
        return await connection[name](sql, ...args);
      } finally {
        const text = sql.replace(/\s+/g, ' ').slice(0, 100);
        log.push({ wall: (performance.now() - t) / 1000, cpu: cpu() - c, text });
      }
    };
  const wrapped = { run: wrap('run'), runAndReadAll: wrap('runAndReadAll') };
  return new Proxy(connection, {
    get: (target, key) => wrapped[key] ?? target[key]?.bind?.(target) ?? target[key],
  });
}

async function tables(c, dir) {
  const csv = join(dir, 'bench.csv');
  await writeGeneratedCsv(c, ROWS, csv);
  const flightsCsv = join(dir, 'flights.csv');
  await writeFlightsCsv(c, flightsCsv);
  const out = [];
  for (const [name, path, csvPath, dates] of [
    ['1M x 12 CSV', csv, csv, 'd1,t1,d2'],
    ['flights-3m', FLIGHTS, flightsCsv, 'date'],
  ]) {
    const parquet = join(dir, `${out.length}.parquet`);
    const { schema } = await ingestFile(c, { path, fileName: path, options: {} }, parquet);
    out.push({ name, parquet, schema, csv: csvPath, dates });
  }
  return out;
}

const dir = await mkdtemp(join(tmpdir(), 'bench-profile-passes-'));
const db = await DuckDBInstance.create(':memory:', {
  ...{ threads: THREADS, memory_limit: '512MiB', temp_directory: join(dir, 'duck') },
  ...{ autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' },
});
try {
  const setup = await db.connect();
  const list = await tables(setup, dir);
  setup.closeSync();
  for (const t of list) {
    for (let i = 0; i < REPEAT; i++) {
      const connection = await db.connect();
      const log = [];
      const [t0, c0] = [performance.now(), cpu()];
      const body = await computeProfile(timed(connection, log), {
        ...{
          source: `read_parquet('${t.parquet}')`,
          ordered: `(${parquetSource(`'${t.parquet}'`)})`,
        },
        ...{ schema: t.schema, bytes: (await readFile(t.parquet)).length },
      });
      const [wall, used] = [(performance.now() - t0) / 1000, cpu() - c0];
      connection.closeSync();
      const ref = process.env.PANDAS === '1' ? pandasReference(t.csv, t.dates)?.total_s : null;
      const ratio = ref ? `, pandas ${ref.toFixed(2)} s, ratio ${(wall / ref).toFixed(2)}` : '';
      console.log(`\n${t.name}: ${wall.toFixed(2)} s wall, ${used.toFixed(2)} s CPU${ratio}`);
      console.log(
        `  passes: ${body.timings.map((p) => `${p.pass} ${p.seconds.toFixed(2)}`).join('; ')}`,
      );
      for (const s of log.sort((a, b) => b.wall - a.wall).slice(0, 8)) {
        console.log(`  ${s.wall.toFixed(3)} s wall ${s.cpu.toFixed(3)} s CPU  ${s.text}`);
      }
    }
  }
} finally {
  db.closeSync();
  await rm(dir, { recursive: true, force: true });
}
