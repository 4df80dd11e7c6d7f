// bench/tracking: the MLflow REST surface (gateway -> NATS -> experiments -> PostgreSQL) under
// 20 concurrent closed-loop clients per scenario (30 s each), mean and p95 per scenario. The floor,
// measured in the same run on the same database: the same rows written straight into PostgreSQL
// by the same number of clients (one multi-row INSERT per batch; no gateway, NATS or checks).
// SearchRuns searches 10,000 runs with 20 params and 20 metrics each. Under each line, the CPU a
// request cost in each process and the mean that CPU alone allows at this many clients.
import pg from 'pg';
import {
  admin,
  call,
  children,
  cpuPerRequest,
  cpuSnapshot,
  database,
  dbUrl,
  fmt,
  id,
  load,
  start,
  waitFor,
  CLIENTS,
  FLOOR_SECONDS,
  SEARCH_RUNS,
  SECONDS,
  TARGETS,
} from './harness.mjs';

const API = '/api/2.0/mlflow';

async function bootStack() {
  const port = 4000 + Math.floor(Math.random() * 50);
  const gw = `http://127.0.0.1:${port}`;
  start('services/auth/dist/main.js');
  start('services/projects/dist/main.js');
  start('services/experiments/dist/main.js');
  start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
  await waitFor(async () => (await fetch(`${gw}/api/v1/auth/me`)).status === 401);
  const user = {
    username: `bench_${id}`,
    email: `bench_${id}@example.org`,
    password: 'bench-password-2026',
  };
  await waitFor(() => call(gw, '/api/v1/auth/register', user).then(() => true));
  const { accessToken } = await call(gw, '/api/v1/auth/login', {
    login: user.username,
    password: user.password,
  });
  const { secret } = await call(
    gw,
    '/api/v1/auth/tokens',
    { name: 'bench', scopes: ['read', 'write'] },
    accessToken,
  );
  // BENCH_AUTH=token measures with the API token MLflow clients send (verified by the auth
  // service on every request today); the default JWT is verified in the gateway and cached.
  const token = process.env.BENCH_AUTH === 'token' ? secret : accessToken;
  await waitFor(() => call(gw, `${API}/experiments/search`, {}, token).then(() => true));
  return { gw, token };
}

/**
 * 10,000 runs with 20 params and 20 metrics each (history and latest), straight into the schema,
 * each run's rows together as logging them run by run would leave them.
 */
async function seedSearchRuns(db, experimentId) {
  await db.query(
    `WITH e AS (SELECT id FROM experiments WHERE num = $1),
     r AS (INSERT INTO runs (id, experiment_id, name, user_id, status, start_time, artifact_uri)
           SELECT gen_random_uuid(), e.id, 'run-' || g, 'bench', 'FINISHED', 1700000000000 + g, 'x'
           FROM e, generate_series(1, $2) g RETURNING id),
     p AS (INSERT INTO params (run_id, key, value)
           SELECT r.id, 'p' || k, (ARRAY['a','b','c','d'])[1 + floor(random() * 4)::int] FROM r, generate_series(0, 19) k ORDER BY r.id, k),
     m AS (SELECT r.id, 'm' || k AS key, random() AS value FROM r, generate_series(0, 19) k ORDER BY r.id, k),
     mh AS (INSERT INTO metrics (run_id, key, value, timestamp, step) SELECT id, key, value, 0, 0 FROM m)
     INSERT INTO latest_metrics (run_id, key, value, timestamp, step) SELECT id, key, value, 0, 0 FROM m`,
    [experimentId, SEARCH_RUNS],
  );
  await db.query('VACUUM ANALYZE'); // as autovacuum leaves a live server
}

function metricBatch(n, i) {
  const now = Date.now();
  return Array.from({ length: n }, (_, k) => ({
    key: `m${k % 50}`,
    value: Math.random(),
    timestamp: now,
    step: i,
  }));
}

async function scenarios(gw, token, runIds, searchExperiment) {
  const post = (path, body) => call(gw, `${API}/${path}`, body, token);
  const runOf = (i) => runIds[i % runIds.length];
  return {
    LogMetricBatch10: (i) =>
      post('runs/log-batch', { run_id: runOf(i), metrics: metricBatch(10, i) }),
    LogMetricBatch500: (i) =>
      post('runs/log-batch', { run_id: runOf(i), metrics: metricBatch(500, i) }),
    LogParamBatch100: (i) =>
      post('runs/log-batch', {
        run_id: runOf(i),
        params: Array.from({ length: 100 }, (_, k) => ({ key: `p${i}_${k}`, value: `v${k}` })),
      }),
    CreateRun: () => post('runs/create', { experiment_id: runIds.experiment }),
    SearchRuns: () =>
      post('runs/search', {
        experiment_ids: [searchExperiment],
        filter: "metrics.m0 < 0.5 and params.p0 = 'a'",
        order_by: ['metrics.m1 ASC'],
        max_results: 100,
      }),
    SearchExperiments: () => post('experiments/search', { max_results: 100 }),
  };
}

/** The floor: the same metric or param rows, one INSERT per batch, straight into PostgreSQL. */
function floors(pool, runIds) {
  const uuid = (hex) => hex.replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5');
  const metrics = (n) => (i) => {
    const rows = metricBatch(n, i);
    return pool.query(
      `INSERT INTO metrics (run_id, key, value, timestamp, step)
       SELECT $1, * FROM unnest($2::text[], $3::float8[], $4::bigint[], $5::bigint[])`,
      [
        uuid(runIds[i % runIds.length]),
        rows.map((r) => r.key),
        rows.map((r) => r.value),
        rows.map((r) => r.timestamp),
        rows.map((r) => r.step),
      ],
    );
  };
  return {
    LogMetricBatch10: metrics(10),
    LogMetricBatch500: metrics(500),
    LogParamBatch100: (i) =>
      pool.query(
        `INSERT INTO params (run_id, key, value) SELECT $1, 'f' || $2 || '_' || k, 'v' || k FROM generate_series(0, 99) k`,
        [uuid(runIds[i % runIds.length]), i],
      ),
  };
}

async function main() {
  await admin(`CREATE DATABASE "${database}"`);
  const { gw, token } = await bootStack();
  const post = (path, body) => call(gw, `${API}/${path}`, body, token);
  const { experiment_id: writeExperiment } = await post('experiments/create', {
    name: 'bench-writes',
  });
  const { experiment_id: searchExperiment } = await post('experiments/create', {
    name: 'bench-search',
  });
  for (let i = 0; i < 98; i += 1) await post('experiments/create', { name: `bench-${i}` });
  const runIds = [];
  for (let i = 0; i < CLIENTS * 5; i += 1) {
    runIds.push((await post('runs/create', { experiment_id: writeExperiment })).run.info.run_id);
  }
  runIds.experiment = writeExperiment;
  const pool = new pg.Pool({
    connectionString: dbUrl,
    max: CLIENTS,
    options: '-c search_path=experiments',
  });
  await seedSearchRuns(pool, searchExperiment);
  console.log(
    `bench/tracking: ${CLIENTS} clients, ${SECONDS} s per scenario, floor ${FLOOR_SECONDS} s; search over ${SEARCH_RUNS} runs x 20 params x 20 metrics (2 cores shared by load generator, services and PostgreSQL)\n`,
  );
  const ops = await scenarios(gw, token, runIds, searchExperiment);
  const floor = floors(pool, runIds);
  await load(3, ops.LogMetricBatch10); // warm-up, not reported
  // What the load generator and the gateway alone allow on this machine (no NATS, no database).
  const ceiling = await load(Math.min(SECONDS, 10), () =>
    fetch(`${gw}/healthz`).then((r) => r.text()),
  );
  console.log(`${'ceiling: /healthz'.padEnd(18)} ${fmt(ceiling)}`);
  const lines = [];
  const only = process.env.BENCH_ONLY?.split(',');
  for (const [name, op] of Object.entries(ops).filter(([n]) => !only || only.includes(n))) {
    const before = cpuSnapshot();
    const r = await load(SECONDS, op);
    const cpu = cpuPerRequest(before, cpuSnapshot(), r.count);
    const target = TARGETS[name];
    const verdict =
      target === undefined
        ? ''
        : `   target mean <= ${target} ms: ${r.count > 0 && r.errors === 0 && r.mean <= target ? 'met' : 'NOT met'}`;
    lines.push(`${name.padEnd(18)} ${fmt(r)}${verdict}`);
    console.log(lines.at(-1));
    console.log(`${''.padEnd(18)} ${cpu}`);
    if (floor[name]) {
      const start = cpuSnapshot();
      const f = await load(FLOOR_SECONDS, floor[name]);
      console.log(`${'  floor: PG INSERT'.padEnd(18)} ${fmt(f)}`);
      console.log(`${''.padEnd(18)} ${cpuPerRequest(start, cpuSnapshot(), f.count)}`);
    }
  }
  await pool.end();
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  // BENCH_KEEP_DB=1 keeps the seeded database (its name is printed) to EXPLAIN queries on it.
  if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${database}`);
  else await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
}
