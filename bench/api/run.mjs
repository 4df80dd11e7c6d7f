// bench/api: authenticated GET /api/v1/projects through gateway -> NATS -> projects -> PostgreSQL,
// driven by autocannon (50 connections, 20 s), against the same query served by a bare Fastify
// server on PostgreSQL in the same run. Prints req/s, p50 and p99 of both and the overhead.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const ADMIN = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const id = randomBytes(3).toString('hex');
const database = `hydroml_bench_${id}`;
const dbUrl = Object.assign(new URL(ADMIN), { pathname: `/${database}` }).toString();
const env = {
  ...process.env,
  DATABASE_URL: dbUrl,
  NATS_SUBJECT_PREFIX: `bench_${id}`,
  REDIS_KEY_PREFIX: `bench:${id}:`,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  RATE_LIMIT_PER_MINUTE: '100000000',
  SHUTDOWN_GRACE_MS: '0',
  AUTH_KEY_ENCRYPTION_SECRET: `bench-only-secret-${id}-${randomBytes(8).toString('hex')}`,
};
const children = [];

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
}

function start(script, extra = {}, readyWhen) {
  const child = fork(script, [], {
    env: { ...env, ...extra },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return readyWhen ? readyWhen() : new Promise((resolve) => child.once('message', resolve));
}

async function waitFor(url, ok = (r) => r.ok) {
  for (let i = 0; i < 150; i += 1) {
    const res = await fetch(url).catch(() => null);
    if (res && ok(res)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function post(base, path, body, token) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

function row(name, r) {
  const errors = r.errors + r.non2xx;
  return `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${errors}`;
}

async function main() {
  await admin(`CREATE DATABASE "${database}"`);
  const gatewayPort = 3900 + Math.floor(Math.random() * 50);
  const refPort = gatewayPort + 60;
  const gw = `http://127.0.0.1:${gatewayPort}`;
  start('services/auth/dist/main.js', {}, () => Promise.resolve());
  start('services/projects/dist/main.js', {}, () => Promise.resolve());
  start('gateway/dist/main.js', { PORT: String(gatewayPort), HOST: '127.0.0.1' }, () =>
    waitFor(`${gw}/healthz`),
  );
  const user = {
    username: `bench_${id}`,
    email: `bench_${id}@example.org`,
    password: 'bench-password-2026',
  };
  await waitFor(`${gw}/api/v1/auth/me`, (r) => r.status === 401);
  let registered;
  for (let i = 0; i < 50 && !registered; i += 1) {
    registered = await post(gw, '/api/v1/auth/register', user).catch(
      () => new Promise((r) => setTimeout(() => r(undefined), 200)),
    );
  }
  const { accessToken } = await post(gw, '/api/v1/auth/login', {
    login: user.username,
    password: user.password,
  });
  for (let i = 0; i < 19; i += 1)
    await post(gw, '/api/v1/projects', { name: `Basin ${i}`, description: 'bench' }, accessToken);
  const headers = { authorization: `Bearer ${accessToken}` };
  await start('bench/api/reference-server.mjs', {
    PORT: String(refPort),
    BENCH_USER_ID: registered.id,
  });
  console.log(
    `bench/api: ${CONNECTIONS} connections, ${DURATION} s each (2 cores shared by load generator and servers)\n`,
  );
  await run(`${gw}/api/v1/projects`, headers); // warm-up pass is not reported
  const viaGateway = await run(`${gw}/api/v1/projects`, headers);
  const reference = await run(`http://127.0.0.1:${refPort}/projects`, {});
  console.log(row('gateway -> NATS -> projects -> PG', viaGateway));
  console.log(row('reference: Fastify -> PG', reference));
  const ratio = viaGateway.requests.average / reference.requests.average;
  console.log(
    `\nthroughput ratio gateway/reference: ${ratio.toFixed(2)}  (overhead ${(100 * (1 - ratio)).toFixed(0)} %)`,
  );
  console.log(
    `target: >= 2000 req/s and p99 <= 50 ms through the gateway -> ${viaGateway.requests.average >= 2000 && viaGateway.latency.p99 <= 50 ? 'met' : 'NOT met'}`,
  );
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
}
