// Shared pieces of bench/tracking: a private database and stack, a JSON client, and a closed-loop
// load generator that reports mean and p95 latency.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  ADMIN_URL,
  adminQuery as admin,
  benchEnv,
  benchId,
  Platform,
  waitFor as waitForWhat,
} from '../lib/platform.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const FLOOR_SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 10);
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 10_000);
const id = benchId();
// The shared bench platform: own database, subject and key prefixes; BENCH_PROFILE=dir profiles.
const env = benchEnv(id);
const platform = new Platform(id, env);
const database = `hydroml_bench_${id}`;
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
const TARGETS = { LogMetricBatch500: 15, SearchRuns: 50, CreateRun: 10 };
const children = platform.children;

function start(script, extra = {}) {
  const child = platform.start(script, extra);
  child.name = script.startsWith('gateway/') ? 'gateway' : script.split('/')[1];
}

const waitFor = (check) => waitForWhat(check, 'the stack');

async function call(base, path, body, token) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

/** CLIENTS closed loops for `seconds`; `once(i)` does one operation. Returns latencies in ms. */
async function load(seconds, once) {
  const latencies = [];
  const until = performance.now() + seconds * 1000;
  let n = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await once(n++);
          latencies.push(performance.now() - t0);
        } catch (error) {
          if (errors++ === 0) console.error(String(error));
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length);
  const p95 = latencies[Math.floor(0.95 * (latencies.length - 1))] ?? NaN;
  return { mean, p95, count: latencies.length, rps: latencies.length / seconds, errors };
}

/** utime + stime of a process in ms (Linux /proc; 0 once it has gone). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving the bench database (their command line names it). */
function backends() {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(database);
      } catch {
        return false;
      }
    });
}

/**
 * CPU time per process group (gateway, experiments, auth+projects, PostgreSQL backends of this
 * database, the load generator), read before and after a scenario: on a shared machine the CPU
 * a request costs is steadier than its latency.
 */
function cpuSnapshot() {
  const group = (name) => children.filter((c) => c.name === name).map((c) => cpuMs(c.pid));
  const sum = (xs) => xs.reduce((s, x) => s + x, 0);
  const pg = new Map(backends().map((p) => [p, cpuMs(p)]));
  const self = process.cpuUsage();
  return {
    gateway: sum(group('gateway')),
    experiments: sum(group('experiments')),
    others: sum(group('auth')) + sum(group('projects')),
    pg,
    bench: (self.user + self.system) / 1000,
  };
}

/**
 * CPU ms per request between two snapshots (a backend born in between counts from zero), and
 * the mean latency that CPU alone implies for CLIENTS closed loops on this machine's cores
 * (Little's law: mean >= CLIENTS x CPU per request / cores, before any other process's share).
 */
function cpuPerRequest(before, after, count) {
  const pg = [...after.pg].reduce((s, [p, t]) => s + t - (before.pg.get(p) ?? 0), 0);
  const per = (x) => (count > 0 ? x / count : NaN);
  const keys = ['gateway', 'experiments', 'others', 'bench'];
  const each = Object.fromEntries(keys.map((k) => [k, per(after[k] - before[k])]));
  const total = keys.reduce((s, k) => s + each[k], per(pg));
  const bound = (CLIENTS * total) / availableParallelism();
  const parts = keys.slice(0, 3).map((k) => `${k} ${each[k].toFixed(2)}`);
  return `cpu ms/req: ${parts.join(', ')}, pg ${per(pg).toFixed(2)}, bench ${each.bench.toFixed(2)}; total ${total.toFixed(1)} -> mean >= ${bound.toFixed(0)} ms at ${CLIENTS} clients`;
}

function fmt(r) {
  return `mean ${r.mean.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   ${r.rps.toFixed(0).padStart(6)} req/s   errors ${r.errors}`;
}

export {
  admin,
  cpuPerRequest,
  cpuSnapshot,
  call,
  children,
  dbUrl,
  database,
  env,
  fmt,
  load,
  start,
  waitFor,
  CLIENTS,
  SECONDS,
  FLOOR_SECONDS,
  SEARCH_RUNS,
  TARGETS,
  id,
};
