// Shared by the benchmarks: a database of their own, the platform's processes started from the
// built dist (as in production: one process each), a user, and clean-up at the end.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchId() {
  return randomBytes(3).toString('hex');
}

export async function adminQuery(sql, url = ADMIN_URL) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Environment for the platform's processes: own database, subject and key prefixes. */
export function benchEnv(id, extra = {}) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/hydroml_bench_${id}`;
  return {
    ...process.env,
    DATABASE_URL: url.toString(),
    NATS_SUBJECT_PREFIX: `bench_${id}`,
    REDIS_KEY_PREFIX: `bench:${id}:`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SHUTDOWN_GRACE_MS: '0',
    AUTH_KEY_ENCRYPTION_SECRET: `bench-only-secret-${id}-${randomBytes(8).toString('hex')}`,
    CONNECTOR_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    ...extra,
  };
}

export class Platform {
  constructor(id, env) {
    this.id = id;
    this.env = env;
    this.children = [];
  }

  async createDatabase() {
    await adminQuery(`CREATE DATABASE "hydroml_bench_${this.id}"`);
  }

  /** BENCH_PROFILE=dir writes a V8 CPU profile of every server process there. */
  start(script, extra = {}) {
    const execArgv = process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    const child = fork(script, [], {
      env: { ...this.env, ...extra },
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.children.push(child);
    return child;
  }

  async stop() {
    for (const child of this.children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await adminQuery(`DROP DATABASE IF EXISTS "hydroml_bench_${this.id}" WITH (FORCE)`).catch(
      () => undefined,
    );
  }
}

export async function waitFor(check, what, tries = 150) {
  for (let i = 0; i < tries; i += 1) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function api(base, method, path, body, token) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Registers a user (retrying while the services come up) and logs in. */
export async function signUp(base, id) {
  const user = {
    username: `bench_${id}`,
    email: `bench_${id}@example.org`,
    password: 'bench-password-2026',
  };
  let registered;
  await waitFor(
    async () => (registered = await api(base, 'POST', '/api/v1/auth/register', user)),
    'registration',
  );
  const { accessToken } = await api(base, 'POST', '/api/v1/auth/login', {
    login: user.username,
    password: user.password,
  });
  return { user: registered, token: accessToken };
}
