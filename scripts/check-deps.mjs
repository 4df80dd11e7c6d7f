// Checks that PostgreSQL, NATS and Redis answer before the platform starts, and creates the
// development database when it is missing. Exits with a message naming what is down.
import net from 'node:net';
import pg from 'pg';

const HOW_TO_START = {
  PostgreSQL:
    'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: docker compose up -d postgres)',
  NATS: 'nats-server -js -a 127.0.0.1 -p 4222 -sd /var/lib/nats-server &   (or: docker compose up -d nats)',
  Redis: 'redis-server --daemonize yes --port 6379 --save ""   (or: docker compose up -d redis)',
};

function hostPort(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

function reachable({ host, port }, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function ensureDatabase(url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) {
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    console.log(`created database ${database}`);
  }
  await client.end();
}

export async function checkDependencies(env) {
  const deps = [
    ['PostgreSQL', hostPort(env.DATABASE_URL, 5432)],
    ['NATS', hostPort(env.NATS_URL, 4222)],
    ['Redis', hostPort(env.REDIS_URL, 6379)],
  ];
  const missing = [];
  for (const [name, address] of deps) {
    if (!(await reachable(address))) missing.push([name, address]);
  }
  for (const [name, { host, port }] of missing) {
    console.error(
      `✗ ${name} is not reachable at ${host}:${port}. Start it with:\n    ${HOW_TO_START[name]}`,
    );
  }
  if (missing.length > 0) return false;
  await ensureDatabase(env.DATABASE_URL);
  return true;
}
