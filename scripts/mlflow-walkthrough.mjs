#!/usr/bin/env node
// Issue 4's walk-through with an MLflow client that was not written here (the `mlflow` npm
// package), against a running platform (`npm start`) and an API token:
//   node scripts/mlflow-walkthrough.mjs [http://localhost:3000] [api-token]
// Without a token it registers a user and creates one. The package has no model-registry or
// artifact-upload calls, so those go through its own transport (MLflowBase.req) and a PUT to the
// proxied artifact service, which is what MLflow's Python client does for `mlflow-artifacts:` URIs.
import mlflowModule from 'mlflow';
import { MLflowBase } from 'mlflow/lib/mlflow.js';

const MLflow = mlflowModule.default ?? mlflowModule;
const base = process.argv[2] ?? 'http://localhost:3000';

class Registry extends MLflowBase {
  constructor(args, path) {
    super(args);
    this.path = path;
  }
  post(path, body) {
    return this.req('post', path, body);
  }
  get(path, query) {
    return this.req('get', path, query);
  }
}

async function json(path, body, token) {
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

async function apiToken() {
  if (process.argv[3]) return process.argv[3];
  const name = `mlflow_${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const password = 'walkthrough-password-2026';
  await json('/api/v1/auth/register', { username: name, email: `${name}@example.org`, password });
  const { accessToken } = await json('/api/v1/auth/login', { login: name, password });
  const { secret } = await json(
    '/api/v1/auth/tokens',
    { name: 'mlflow', scopes: ['read', 'write'] },
    accessToken,
  );
  return secret;
}

function check(what, ok) {
  if (!ok) throw new Error(`FAIL ${what}`);
  process.stdout.write(`ok   ${what}\n`);
}

async function quietly(work) {
  const log = console.log; // the package prints every request body
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

async function walk(token) {
  const args = { endpoint: base, headers: { Authorization: `Bearer ${token}` } };
  const client = new MLflow(args);
  const { experiment_id } = await client.Experiments.create({
    name: `walkthrough-${Date.now()}`,
    artifact_location: '',
  });
  check('created an experiment', Boolean(experiment_id));
  const { run } = await client.Runs.create({
    experiment_id,
    user_id: 'walker',
    start_time: Date.now(),
  });
  const run_id = run.info.run_id;
  await client.Runs.logParameter({ run_id, key: 'model', value: 'rf' });
  for (let step = 0; step < 3; step += 1) {
    await client.Runs.logMetric({
      run_id,
      key: 'rmse',
      value: 1 / (step + 1),
      timestamp: Date.now(),
      step,
    });
  }
  await client.Runs.setTag({ run_id, key: 'basin', value: 'Rhine' });
  check('logged params, metrics with steps and a tag', true);

  const root = run.info.artifact_uri.replace(/^mlflow-artifacts:\//, '');
  const put = await fetch(`${base}/api/2.0/mlflow-artifacts/artifacts/${root}/model/model.json`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: '{"kind":"RandomForestRegressor"}',
  });
  check('uploaded an artifact file', put.ok);
  const listed = await client.Artifacts.list({ run_id, path: 'model' });
  check(
    'listed it with the client',
    listed.files.some((f) => f.path === 'model/model.json'),
  );

  const found = await client.Runs.search({
    experiment_ids: [experiment_id],
    filter: "metrics.rmse < 1 and params.model = 'rf'",
    order_by: ['metrics.rmse ASC'],
    max_results: 10,
  });
  check(
    'searched runs with a filter and order',
    found.runs.length === 1 && found.runs[0].info.run_id === run_id,
  );
  const history = await client.Metrics.getHistory({ run_id, metric_key: 'rmse' });
  check('read a metric history', history.metrics.map((m) => m.step).join() === '0,1,2');

  const models = new Registry(args, '/registered-models');
  const versions = new Registry(args, '/model-versions');
  const name = `flow-${Date.now()}`;
  await models.post('/create', { name });
  const { model_version } = await versions.post('/create', {
    name,
    source: `${run.info.artifact_uri}/model`,
    run_id,
  });
  await models.post('/alias', { name, alias: 'champion', version: model_version.version });
  const byAlias = await models.get('/alias', { name, alias: 'champion' });
  check('registered a model version and set an alias', byAlias.model_version.run_id === run_id);
}

const token = await apiToken();
await quietly(() => walk(token)).catch((error) => {
  process.stdout.write(`${error.message}\n`);
  process.exitCode = 1;
});
