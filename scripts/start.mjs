// `npm start`: checks PostgreSQL, NATS and Redis, then runs the five services and the gateway
// as child processes, with each log line prefixed by its service. Ctrl-C stops all of them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import readline from 'node:readline';
import { checkDependencies } from './check-deps.mjs';

if (existsSync('.env')) process.loadEnvFile('.env');

const env = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hydroml',
  NATS_URL: 'nats://127.0.0.1:4222',
  REDIS_URL: 'redis://127.0.0.1:6379',
  ...process.env,
};

const SERVICES = ['auth', 'projects', 'connectors', 'data-tools', 'experiments'];
const COLORS = [36, 35, 33, 32, 34, 37];
const children = [];
let stopping = false;

function run(name, script, color) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `\x1b[${color}m${name.padEnd(11)}|\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => process.stdout.write(tag + line + '\n'));
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${tag}exited (${signal ?? code})\n`);
    if (!stopping) stop(code ?? 1);
  });
  children.push(child);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(
    () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')),
    8000,
  );
  Promise.all(
    children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))),
  ).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!(await checkDependencies(env))) process.exit(1);
SERVICES.forEach((name, i) => run(name, `services/${name}/dist/main.js`, COLORS[i]));
run('gateway', 'gateway/dist/main.js', COLORS[5]);
console.log(
  `HydroML is starting: gateway on http://localhost:${env.PORT ?? 3000} (Ctrl-C stops all)`,
);
