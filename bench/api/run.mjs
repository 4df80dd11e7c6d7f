// bench/api: authenticated GET /api/v1/projects through gateway -> NATS -> projects -> PostgreSQL,
// driven by autocannon (50 connections, 20 s), against the same query served by a bare Fastify
// server on PostgreSQL in the same run. Prints req/s, p50 and p99 of both and the overhead.
import autocannon from 'autocannon';
import { api, benchEnv, benchId, Platform, signUp } from '../lib/platform.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const id = benchId();
const platform = new Platform(id, benchEnv(id));

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
  await platform.createDatabase();
  const gatewayPort = 3900 + Math.floor(Math.random() * 50);
  const refPort = gatewayPort + 60;
  const gw = `http://127.0.0.1:${gatewayPort}`;
  platform.start('services/auth/dist/main.js');
  platform.start('services/projects/dist/main.js');
  platform.start('gateway/dist/main.js', { PORT: String(gatewayPort), HOST: '127.0.0.1' });
  const { user, token } = await signUp(gw, id);
  for (let i = 0; i < 19; i += 1)
    await api(gw, 'POST', '/api/v1/projects', { name: `Basin ${i}`, description: 'bench' }, token);
  const reference = platform.start('bench/api/reference-server.mjs', {
    PORT: String(refPort),
    BENCH_USER_ID: user.id,
  });
  await new Promise((resolve) => reference.once('message', resolve));
  const headers = { authorization: `Bearer ${token}` };
  console.log(
    `bench/api: ${CONNECTIONS} connections, ${DURATION} s each (2 cores shared by load generator and servers)\n`,
  );
  await run(`${gw}/api/v1/projects`, headers); // warm-up pass is not reported
  const viaGateway = await run(`${gw}/api/v1/projects`, headers);
  const direct = await run(`http://127.0.0.1:${refPort}/projects`, {});
  console.log(row('gateway -> NATS -> projects -> PG', viaGateway));
  console.log(row('reference: Fastify -> PG', direct));
  const ratio = viaGateway.requests.average / direct.requests.average;
  console.log(
    `\nthroughput ratio gateway/reference: ${ratio.toFixed(2)}  (overhead ${(100 * (1 - ratio)).toFixed(0)} %)`,
  );
  const met = viaGateway.requests.average >= 2000 && viaGateway.latency.p99 <= 50;
  console.log(
    `target: >= 2000 req/s and p99 <= 50 ms through the gateway -> ${met ? 'met' : 'NOT met'}`,
  );
}

try {
  await main();
} finally {
  await platform.stop();
}
