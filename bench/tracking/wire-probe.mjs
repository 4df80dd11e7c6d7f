// bench/tracking/wire-probe.mjs: the MLflow answers (status and body) of a fresh stack to about 60
// requests, bad and good (wrong types, extra fields, no/null/array/text bodies, MLflow's limits,
// another tenant's run), with ids, times and generated names masked. A change made for speed
// must leave them byte-identical: `node bench/tracking/wire-probe.mjs > before.txt`, change and
// build, run again and diff. (Needs a build: `npm run build`.)
import { admin, call, children, database, start, waitFor } from './harness.mjs';
const API = '/api/2.0/mlflow';

/** What differs between two runs of the same build: ids, times, generated run names. */
function mask(line) {
  return line
    .replace(/[0-9a-f]{32}/g, '<id>')
    .replace(/"correlationId":"[^"]*"/g, '"correlationId":C')
    .replace(/"(start_time|creation_time|last_update_time)":\d+/g, '"$1":T')
    .replace(/"timestamp":\d{12,}/g, '"timestamp":T')
    .replace(/"run_name":"[^"]*"/g, '"run_name":N')
    .replace(/"value":"[a-z]+-[a-z]+-\d+"/g, '"value":N');
}
await admin(`CREATE DATABASE "${database}"`);
const port = 4100 + Math.floor(Math.random() * 50);
const gw = `http://127.0.0.1:${port}`;
start('services/auth/dist/main.js');
start('services/projects/dist/main.js');
start('services/experiments/dist/main.js');
start('gateway/dist/main.js', { PORT: String(port), HOST: '127.0.0.1' });
try {
  await waitFor(async () => (await fetch(`${gw}/api/v1/auth/me`)).status === 401);
  async function user(name) {
    const u = { username: name, email: `${name}@example.org`, password: 'probe-password-2026' };
    await waitFor(() => call(gw, '/api/v1/auth/register', u).then(() => true));
    return (await call(gw, '/api/v1/auth/login', { login: name, password: u.password }))
      .accessToken;
  }
  const a = await user('probe_a');
  const b = await user('probe_b');
  const raw = async (path, body, token = a, ct = 'application/json') => {
    const res = await fetch(`${gw}${API}/${path}`, {
      method: 'POST',
      headers: { ...(ct ? { 'content-type': ct } : {}), authorization: `Bearer ${token}` },
      body,
    });
    return `${res.status} ${await res.text()}`;
  };
  const post = (path, body, token) => raw(path, JSON.stringify(body), token);
  const out = [];
  const log = async (label, p) => out.push(`${label}: ${await p}`);
  const { experiment_id } = JSON.parse(
    (await post('experiments/create', { name: 'probe' })).slice(4),
  );
  const run = JSON.parse((await post('runs/create', { experiment_id })).slice(4)).run.info.run_id;
  const cases = [
    ['experiments/create', {}],
    ['experiments/create', { name: 5 }],
    ['experiments/create', { name: 'x', bogus: 1 }],
    ['experiments/create', { name: 'probe' }],
    ['experiments/search', { max_results: 'x' }],
    ['experiments/search', { max_results: '5' }],
    ['experiments/search', { view_type: 'BAD' }],
    ['experiments/update', { experiment_id, new_name: 7 }],
    ['experiments/set-experiment-tag', { experiment_id, key: 'k' }],
    ['experiments/delete', {}],
    ['runs/create', {}],
    ['runs/create', { experiment_id: 5 }],
    ['runs/create', { experiment_id, start_time: 'abc' }],
    ['runs/create', { experiment_id, start_time: '123', run_name: 'r1' }],
    ['runs/create', { experiment_id, extra: 1 }],
    ['runs/create', { experiment_id: '999999' }],
    ['runs/create', { experiment_id, tags: [{ key: 'a' }] }],
    ['runs/create', { experiment_id, tags: 'x' }],
    ['runs/log-batch', { run_id: run, metrics: [{ key: 'a' }] }],
    ['runs/log-batch', { run_id: run, metrics: 'x' }],
    ['runs/log-batch', { run_id: run, params: [{ key: 'a', value: 1 }] }],
    [
      'runs/log-batch',
      {
        run_id: run,
        metrics: Array.from({ length: 1001 }, (_, i) => ({ key: `m${i}`, value: 1, timestamp: 1 })),
      },
    ],
    ['runs/log-batch', { run_id: run, metrics: [{ key: '../x', value: 1, timestamp: 1 }] }],
    ['runs/log-batch', { run_id: 'f'.repeat(32), metrics: [] }],
    [
      'runs/log-batch',
      {
        run_id: run,
        metrics: [
          { key: 'm', value: 'NaN', timestamp: '17', step: '2' },
          { key: 'm', value: 1.5, timestamp: 18, step: 3 },
        ],
        params: [{ key: 'p', value: 'v' }],
        tags: [{ key: 't', value: 'u' }],
      },
    ],
    ['runs/log-batch', { run_uuid: run, params: [{ key: 'p', value: 'w' }] }],
    ['runs/log-batch', { run_id: run, metrics: [{ key: 'a', value: 1, timestamp: 1, extra: 2 }] }],
    ['runs/log-batch', { run_id: run, bogus: [] }],
    ['runs/log-batch', { run_id: 5 }],
    ['runs/log-metric', { run_id: run, key: 'k', value: 'abc', timestamp: 1 }],
    ['runs/log-metric', { run_id: run, key: 'k', value: 'Infinity', timestamp: 1 }],
    ['runs/log-metric', { run_id: run, key: 'k', value: 2 }],
    ['runs/log-parameter', { run_id: run, key: 'k2', value: 3 }],
    ['runs/set-tag', { run_id: run, key: 'k2' }],
    ['runs/delete-tag', { run_id: run, key: 'nope' }],
    ['runs/update', { run_id: run, status: 'BAD' }],
    ['runs/update', { run_id: run, end_time: 'x' }],
    ['runs/search', { max_results: 0 }],
    ['runs/search', { experiment_ids: [experiment_id], max_results: '5' }],
    ['runs/search', { experiment_ids: [experiment_id], filter: 'bad filter' }],
    ['runs/search', { experiment_ids: experiment_id }],
    ['runs/search', { experiment_ids: [experiment_id], order_by: [1] }],
    [
      'runs/search',
      { experiment_ids: [experiment_id], filter: 'metrics.m > 0', order_by: ['metrics.m DESC'] },
    ],
    ['runs/log-inputs', { run_id: run, datasets: 'x' }],
    ['runs/delete', {}],
    ['runs/restore', { run_id: 7 }],
  ];
  for (const [path, body] of cases)
    await log(`${path} ${JSON.stringify(body).slice(0, 80)}`, post(path, body));
  await log('no body', raw('runs/create', undefined, a, null));
  await log('empty json body', raw('runs/create', '', a));
  await log('array body', raw('runs/log-batch', '[]', a));
  await log('null body', raw('runs/log-batch', 'null', a));
  await log('string body', raw('runs/log-batch', '"x"', a));
  await log('malformed', raw('runs/log-batch', '{"run_id":', a));
  await log('text/plain', raw('runs/log-batch', JSON.stringify({ run_id: run }), a, 'text/plain'));
  await log(
    'tenant b log-batch',
    post('runs/log-batch', { run_id: run, params: [{ key: 'q', value: 'v' }] }, b),
  );
  await log('tenant b create', post('runs/create', { experiment_id }, b));
  await log('tenant b search', post('runs/search', { experiment_ids: [experiment_id] }, b));
  const g = await fetch(`${gw}${API}/runs/get?run_id=${run}`, {
    headers: { authorization: `Bearer ${a}` },
  });
  out.push(`get: ${g.status} ${await g.text()}`);
  console.log(out.map(mask).join('\n'));
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
}
