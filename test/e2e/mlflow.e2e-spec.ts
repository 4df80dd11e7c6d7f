import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import mlflowModule from 'mlflow';
import { RunStatus } from 'mlflow/lib/enum.js';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

const API = '/api/2.0/mlflow';

// The package's types describe `exports.default`; its entry point exports the class itself.
const MLflow = mlflowModule as unknown as typeof mlflowModule.default;
type Headers = Record<string, string>;

async function apiToken(api: ReturnType<typeof request>, user: TestUser): Promise<Headers> {
  const created = await api
    .post('/api/v1/auth/tokens')
    .set(user.auth)
    .send({ name: 'mlflow', scopes: ['read', 'write'] })
    .expect(201);
  return { Authorization: `Bearer ${created.body.secret as string}` };
}

describe('MLflow tracking API', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let alice: Headers;
  let bob: Headers;

  beforeAll(async () => {
    stack = await startStack();
    api = request(stack.baseUrl);
    alice = await apiToken(api, await signUp(stack.baseUrl));
    bob = await apiToken(api, await signUp(stack.baseUrl));
  });
  afterAll(() => stack.close());

  async function post(path: string, body: object, who = alice): Promise<request.Response> {
    return api.post(`${API}/${path}`).set(who).send(body);
  }

  async function newRun(experimentId: string): Promise<string> {
    const res = await post('runs/create', { experiment_id: experimentId, start_time: Date.now() });
    expect(res.status).toBe(200);
    return res.body.run.info.run_id as string;
  }

  it('creates, reads and renames experiments; a duplicate name is RESOURCE_ALREADY_EXISTS', async () => {
    const created = await post('experiments/create', {
      name: 'exp-a',
      tags: [{ key: 'team', value: 'hydro' }],
    });
    expect(created.status).toBe(200);
    const id = created.body.experiment_id as string;
    expect(id).toMatch(/^\d+$/);
    const dup = await post('experiments/create', { name: 'exp-a' });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      error_code: 'RESOURCE_ALREADY_EXISTS',
      message: 'Experiment(name=exp-a) already exists.',
    });
    const got = await api.get(`${API}/experiments/get`).query({ experiment_id: id }).set(alice);
    expect(got.status).toBe(200);
    expect(got.body.experiment).toMatchObject({
      experiment_id: id,
      name: 'exp-a',
      lifecycle_stage: 'active',
      artifact_location: `mlflow-artifacts:/${id}`,
      tags: [{ key: 'team', value: 'hydro' }],
    });
    expect(typeof got.body.experiment.creation_time).toBe('number');
    await post('experiments/update', { experiment_id: id, new_name: 'exp-b' }).then((r) =>
      expect(r.status).toBe(200),
    );
    const byName = await api
      .get(`/ajax-api/2.0/mlflow/experiments/get-by-name`)
      .query({ experiment_name: 'exp-b' })
      .set(alice);
    expect(byName.body.experiment.experiment_id).toBe(id);
    await post('experiments/set-experiment-tag', { experiment_id: id, key: 'k', value: 'v' });
    const searched = await post('experiments/search', { filter: "tags.k = 'v'", max_results: 10 });
    expect(searched.body.experiments.map((e: { name: string }) => e.name)).toEqual(['exp-b']);
    const viaGet = await api
      .get(`${API}/experiments/search`)
      .query({ filter: "name LIKE 'exp-%'", order_by: 'name DESC', max_results: 5 })
      .set(alice);
    expect(viaGet.body.experiments.map((e: { name: string }) => e.name)).toEqual(['exp-b']);
    const removed = await post('experiments/delete-experiment-tag', {
      experiment_id: id,
      key: 'k',
    });
    expect(removed.status).toBe(200);
  });

  it('maps experiment "0" to the caller’s Default experiment, created on first use', async () => {
    const res = await post('runs/create', { experiment_id: '0' });
    expect(res.status).toBe(200);
    const again = await post('runs/create', { experiment_id: '0' });
    expect(again.body.run.info.experiment_id).toBe(res.body.run.info.experiment_id);
    const exp = await api.get(`${API}/experiments/get`).query({ experiment_id: '0' }).set(alice);
    expect(exp.body.experiment).toMatchObject({
      name: 'Default',
      experiment_id: res.body.run.info.experiment_id,
    });
    const found = await post('runs/search', { experiment_ids: ['0'] });
    expect(found.body.runs).toHaveLength(2);
    const bobs = await post('runs/create', { experiment_id: '0' }, bob);
    expect(bobs.body.run.info.experiment_id).not.toBe(res.body.run.info.experiment_id);
  });

  it('hides another tenant’s experiments and runs as RESOURCE_DOES_NOT_EXIST', async () => {
    const { body } = await post('experiments/create', { name: 'private' });
    const runId = await newRun(body.experiment_id as string);
    const exp = await api
      .get(`${API}/experiments/get`)
      .query({ experiment_id: body.experiment_id as string })
      .set(bob);
    expect(exp.status).toBe(404);
    expect(exp.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const run = await api.get(`${API}/runs/get`).query({ run_id: runId }).set(bob);
    expect(run.status).toBe(404);
    const write = await post('runs/log-parameter', { run_id: runId, key: 'a', value: '1' }, bob);
    expect(write.status).toBe(404);
    const search = await post('experiments/search', { filter: "name = 'private'" }, bob);
    expect(search.body.experiments).toEqual([]);
    const sameName = await post('experiments/create', { name: 'private' }, bob);
    expect(sameName.status).toBe(200);
  });

  it('answers an unknown run with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const res = await api
      .get(`${API}/runs/get`)
      .query({ run_id: 'f'.repeat(32) })
      .set(alice);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const noAuth = await api.get(`${API}/runs/get`).query({ run_id: 'f'.repeat(32) });
    expect(noAuth.status).toBe(401);
  });

  it('logs params once, tags last-write-wins, metrics with history and NaN', async () => {
    const { body } = await post('experiments/create', { name: 'logging' });
    const runId = await newRun(body.experiment_id as string);
    expect(
      await post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' }),
    ).toHaveProperty('status', 200);
    expect(
      await post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' }),
    ).toHaveProperty('status', 200);
    const changed = await post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.2' });
    expect(changed.status).toBe(400);
    expect(changed.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await post('runs/set-tag', { run_id: runId, key: 'stage', value: 'a' });
    await post('runs/set-tag', { run_id: runId, key: 'stage', value: 'b' });
    for (const [step, value] of [
      [0, 3],
      [2, 1],
      [1, 2],
    ] as const) {
      await post('runs/log-metric', {
        run_id: runId,
        key: 'loss',
        value,
        timestamp: 1000 + step,
        step,
      });
    }
    await post('runs/log-metric', { run_id: runId, key: 'odd', value: 'NaN', timestamp: 5 });
    const run = await api.get(`${API}/runs/get`).query({ run_id: runId }).set(alice);
    expect(run.body.run.data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    expect(run.body.run.data.tags).toContainEqual({ key: 'stage', value: 'b' });
    expect(run.body.run.data.metrics).toEqual([
      { key: 'loss', value: 1, timestamp: 1002, step: 2 },
      { key: 'odd', value: 'NaN', timestamp: 5, step: 0 },
    ]);
    const history = await api
      .get(`${API}/metrics/get-history`)
      .query({ run_id: runId, metric_key: 'loss', max_results: 2 })
      .set(alice);
    expect(history.body.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1]);
    const rest = await api
      .get(`${API}/metrics/get-history`)
      .query({
        run_id: runId,
        metric_key: 'loss',
        page_token: history.body.next_page_token as string,
      })
      .set(alice);
    expect(rest.body.metrics.map((m: { value: number }) => m.value)).toEqual([1]);
  });

  it('samples metric histories of several runs by step (get-history-bulk-interval)', async () => {
    const { body } = await post('experiments/create', { name: 'bulk' });
    const runs = [
      await newRun(body.experiment_id as string),
      await newRun(body.experiment_id as string),
    ];
    const metrics = Array.from({ length: 11 }, (_, step) => ({
      key: 'loss',
      value: step,
      timestamp: 1,
      step,
    }));
    for (const run_id of runs) await post('runs/log-batch', { run_id, metrics });
    const res = await api
      .get(`${API}/metrics/get-history-bulk-interval`)
      .query(`run_ids=${runs[0]}&run_ids=${runs[1]}&metric_key=loss&max_results=3&start_step=0`)
      .set(alice);
    expect(res.status).toBe(200);
    const steps = (res.body.metrics as Array<{ run_id: string; step: number }>).map(
      (m) => `${m.run_id === runs[0] ? 'a' : 'b'}${m.step}`,
    );
    expect(steps).toEqual(['a0', 'a5', 'a10', 'b0', 'b5', 'b10']);
  });

  it('logs dataset inputs and finds runs by dataset name and context', async () => {
    const { body } = await post('experiments/create', { name: 'inputs' });
    const experimentId = body.experiment_id as string;
    const [withData, without] = [await newRun(experimentId), await newRun(experimentId)];
    const dataset = {
      name: 'flows',
      digest: 'abc123',
      source_type: 'local',
      source: '{"uri": "x"}',
    };
    const logged = await post('runs/log-inputs', {
      run_id: withData,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }],
    });
    expect(logged.status).toBe(200);
    const run = await api.get(`${API}/runs/get`).query({ run_id: withData }).set(alice);
    expect(run.body.run.inputs.dataset_inputs).toEqual([
      { tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset },
    ]);
    for (const filter of ["datasets.name = 'flows'", "datasets.context = 'training'"]) {
      const res = await post('runs/search', { experiment_ids: [experimentId], filter });
      const ids = (res.body.runs as Array<{ info: { run_id: string } }>).map((r) => r.info.run_id);
      expect(ids).toEqual([withData]);
    }
    expect(without).not.toBe(withData);
  });

  it('keeps the run name and the mlflow.runName tag in step; nests runs through mlflow.parentRunId', async () => {
    const { body } = await post('experiments/create', { name: 'names' });
    const parent = await newRun(body.experiment_id as string);
    const child = await post('runs/create', {
      experiment_id: body.experiment_id,
      run_name: 'child-run',
      tags: [{ key: 'mlflow.parentRunId', value: parent }],
    });
    expect(child.body.run.info.run_name).toBe('child-run');
    const childId = child.body.run.info.run_id as string;
    await post('runs/set-tag', { run_id: childId, key: 'mlflow.runName', value: 'renamed' });
    const got = await api.get(`${API}/runs/get`).query({ run_id: childId }).set(alice);
    expect(got.body.run.info.run_name).toBe('renamed');
    await post('runs/update', { run_id: childId, run_name: 'again' });
    const again = await api.get(`${API}/runs/get`).query({ run_id: childId }).set(alice);
    expect(again.body.run.data.tags).toContainEqual({ key: 'mlflow.runName', value: 'again' });
    const generated = await api.get(`${API}/runs/get`).query({ run_id: parent }).set(alice);
    expect(generated.body.run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    const nested = await post('runs/search', {
      experiment_ids: [body.experiment_id],
      filter: `tags.mlflow.parentRunId = '${parent}'`,
    });
    expect(nested.body.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([
      childId,
    ]);
    await post('runs/delete-tag', { run_id: childId, key: 'mlflow.parentRunId' }).then((r) =>
      expect(r.status).toBe(200),
    );
    const missing = await post('runs/delete-tag', { run_id: childId, key: 'nope' });
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('refuses log-batch over each MLflow limit with INVALID_PARAMETER_VALUE', async () => {
    const { body } = await post('experiments/create', { name: 'limits' });
    const runId = await newRun(body.experiment_id as string);
    const metric = (i: number) => ({ key: `m${i}`, value: i, timestamp: 1, step: 0 });
    const kv = (i: number, size = 1) => ({ key: `k${i}`, value: 'x'.repeat(size) });
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    const batches = [
      { metrics: range(1001).map(metric) },
      { params: range(101).map((i) => kv(i)) },
      { tags: range(101).map((i) => kv(i)) },
      {
        metrics: range(801).map(metric),
        params: range(100).map((i) => kv(i)),
        tags: range(100).map((i) => kv(i)),
      },
      { tags: range(100).map((i) => kv(i, 8000)), params: range(35).map((i) => kv(i, 6000)) },
      { params: [{ key: 'p', value: 'x'.repeat(6001) }] },
      { metrics: [{ key: '../up', value: 1, timestamp: 1 }] },
    ];
    for (const batch of batches) {
      const res = await post('runs/log-batch', { run_id: runId, ...batch });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const ok = await post('runs/log-batch', { run_id: runId, metrics: range(1000).map(metric) });
    expect(ok.status).toBe(200);
  });

  it('hides deleted runs from ACTIVE_ONLY and shows them with DELETED_ONLY; refuses writes to them', async () => {
    const { body } = await post('experiments/create', { name: 'lifecycle' });
    const experimentId = body.experiment_id as string;
    const kept = await newRun(experimentId);
    const gone = await newRun(experimentId);
    await post('runs/delete', { run_id: gone });
    const ids = async (view: string): Promise<string[]> => {
      const res = await post('runs/search', {
        experiment_ids: [experimentId],
        run_view_type: view,
      });
      const runs = res.body.runs as Array<{ info: { run_id: string } }>;
      return runs.map((r) => r.info.run_id).sort();
    };
    expect(await ids('ACTIVE_ONLY')).toEqual([kept]);
    expect(await ids('DELETED_ONLY')).toEqual([gone]);
    expect(await ids('ALL')).toEqual([kept, gone].sort());
    const write = await post('runs/log-metric', { run_id: gone, key: 'a', value: 1, timestamp: 1 });
    expect(write.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await post('runs/restore', { run_id: gone });
    expect(await ids('ACTIVE_ONLY')).toEqual([kept, gone].sort());
    const updated = await post('runs/update', { run_id: kept, status: 'FINISHED', end_time: 99 });
    expect(updated.body.run_info).toMatchObject({ status: 'FINISHED', end_time: 99 });
  });

  it('pages through 2,500 runs filtered and ordered by a metric without duplicates or gaps', async () => {
    const { body } = await post('experiments/create', { name: 'paging' });
    const experimentId = body.experiment_id as string;
    const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    // Bulk rows straight into the schema: 3,000 runs, rmse with many ties, 1 in 6 is 'xgb'.
    await db.query(
      `WITH e AS (SELECT id FROM experiments.experiments WHERE num = $1),
       r AS (INSERT INTO experiments.runs (id, experiment_id, name, user_id, status, start_time, artifact_uri)
             SELECT gen_random_uuid(), e.id, 'r' || g, 'u', 'FINISHED', 1000 + g % 7, 'x'
             FROM e, generate_series(0, 2999) g RETURNING id, name),
       p AS (INSERT INTO experiments.params (run_id, key, value)
             SELECT id, 'model', CASE WHEN substr(name, 2)::int % 6 = 0 THEN 'xgb' ELSE 'rf' END FROM r)
       INSERT INTO experiments.latest_metrics (run_id, key, value, timestamp, step)
       SELECT id, 'rmse', (substr(name, 2)::int % 400) / 300.0, 0, 0 FROM r`,
      [experimentId],
    );
    await db.end();
    const expected = Array.from({ length: 3000 }, (_, g) => g).filter(
      (g) => g % 6 !== 0 && (g % 400) / 300 < 1,
    );
    expect(expected.length).toBeGreaterThanOrEqual(1500);
    const seen: string[] = [];
    let token: string | undefined;
    let last = -Infinity;
    do {
      const res = await post('runs/search', {
        experiment_ids: [experimentId],
        filter: "metrics.rmse < 1 and params.model = 'rf'",
        order_by: ['metrics.rmse ASC'],
        max_results: 100,
        page_token: token,
      });
      expect(res.status).toBe(200);
      for (const run of res.body.runs) {
        const rmse = run.data.metrics[0].value as number;
        expect(rmse).toBeGreaterThanOrEqual(last);
        last = rmse;
        seen.push(run.info.run_name as string);
      }
      token = res.body.next_page_token;
    } while (token);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.map((g) => `r${g}`).sort());
  });

  it('rejects a malformed filter or page token with INVALID_PARAMETER_VALUE', async () => {
    const { body } = await post('experiments/create', { name: 'bad-filter' });
    for (const extra of [
      { filter: 'metrics.a < ' },
      { filter: "params.a = 'x' OR params.b = 'y'" },
      { page_token: '!!' },
    ]) {
      const res = await post('runs/search', { experiment_ids: [body.experiment_id], ...extra });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
  });

  it('serves the mlflow npm client (written elsewhere) end to end', async () => {
    // The client prints every request body; keep the test output readable.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const client = new MLflow({
        endpoint: stack.baseUrl,
        headers: alice,
      });
      const { experiment_id } = await client.Experiments.create({
        name: 'npm-client',
        artifact_location: '',
      });
      // (its setExperimentTag is skipped: the client drops the '/' before 'set-experiment-tag')
      const { run } = await client.Runs.create({
        experiment_id,
        user_id: 'x',
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
      await client.Runs.setTag({ run_id, key: 'mlflow.parentRunId', value: 'p'.repeat(32) });
      await client.Runs.logBatch({
        run_id,
        metrics: [{ key: 'mae', value: 0.5, timestamp: Date.now(), step: 0 }],
        params: [{ key: 'depth', value: '4' }],
        tags: [],
      });
      const found = await client.Runs.search({
        experiment_ids: [experiment_id],
        filter: "metrics.rmse < 1 and params.model = 'rf'",
        order_by: ['metrics.rmse ASC'],
        max_results: 10,
      });
      expect(found.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([run_id]);
      const history = await client.Metrics.getHistory({ run_id, metric_key: 'rmse' });
      expect(history.metrics.map((m: { step: number }) => m.step)).toEqual([0, 1, 2]);
      await client.Runs.update({ run_id, status: RunStatus.FINISHED, end_time: Date.now() });
      const got = await client.Runs.get({ run_id });
      expect(got.run.info.status).toBe('FINISHED');
      await expect(client.Runs.get({ run_id: '0'.repeat(32) })).rejects.toThrow(
        /RESOURCE_DOES_NOT_EXIST/,
      );
    } finally {
      log.mockRestore();
    }
  });
});
