import request from 'supertest';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('native tracking views under /api/v1', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let alice: TestUser;
  let projectId: string;
  let experimentId: string;
  const runIds: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    api = request(stack.baseUrl);
    alice = await signUp(stack.baseUrl);
    const projects = await api.get('/api/v1/projects').set(alice.auth).expect(200);
    projectId = (projects.body.items as Array<{ id: string; isDefault: boolean }>).find(
      (p) => p.isDefault,
    )!.id;
    const created = await api
      .post(`/api/v1/projects/${projectId}/experiments`)
      .set(alice.auth)
      .send({ name: 'native' })
      .expect(201);
    experimentId = created.body.experiment_id as string;
    for (const [model, rmse] of [
      ['rf', 0.5],
      ['xgb', 0.2],
      ['lin', 0.9],
    ] as const) {
      const run = await api
        .post('/api/2.0/mlflow/runs/create')
        .set(alice.auth)
        .send({ experiment_id: experimentId })
        .expect(200);
      const runId = run.body.run.info.run_id as string;
      runIds.push(runId);
      await api
        .post('/api/2.0/mlflow/runs/log-batch')
        .set(alice.auth)
        .send({
          run_id: runId,
          params: [
            { key: 'model', value: model },
            { key: 'seed', value: '1' },
          ],
          metrics: [
            { key: 'rmse', value: rmse, timestamp: 1, step: 0 },
            { key: 'mae', value: 1, timestamp: 1 },
          ],
        })
        .expect(200);
    }
  });
  afterAll(() => stack.close());

  it('lists the experiments of a project', async () => {
    const res = await api
      .get(`/api/v1/projects/${projectId}/experiments`)
      .set(alice.auth)
      .expect(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, items: [{ name: 'native' }] });
    const one = await api.get(`/api/v1/experiments/${experimentId}`).set(alice.auth).expect(200);
    await api
      .post('/api/2.0/mlflow/registered-models/create')
      .set(alice.auth)
      .send({ name: 'native-model' })
      .expect(200);
    const models = await api
      .get(`/api/v1/projects/${projectId}/models`)
      .set(alice.auth)
      .expect(200);
    expect(models.body).toMatchObject({ total: 1, items: [{ name: 'native-model' }] });
    expect(one.body.name).toBe('native');
  });

  it('searches with OR and parentheses, returns a total and only the asked columns', async () => {
    const res = await api
      .post(`/api/v1/experiments/${experimentId}/runs/search`)
      .set(alice.auth)
      .send({
        filter: "(params.model = 'rf' OR params.model = 'xgb') AND metrics.rmse < 1",
        order_by: ['metrics.rmse DESC'],
        with_total: true,
        columns: ['rmse', 'model'],
        max_results: 1,
      })
      .expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.runs).toHaveLength(1);
    expect(res.body.runs[0].data.params).toEqual([{ key: 'model', value: 'rf' }]);
    expect(res.body.runs[0].data.metrics.map((m: { key: string }) => m.key)).toEqual(['rmse']);
    expect(res.body.next_page_token).toEqual(expect.any(String));
  });

  it('compares runs side by side and reads a metric history', async () => {
    const res = await api
      .get('/api/v1/runs/compare')
      .query({ ids: runIds.join(',') })
      .set(alice.auth)
      .expect(200);
    expect(res.body.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual(runIds);
    const run = await api.get(`/api/v1/runs/${runIds[0]}`).set(alice.auth).expect(200);
    expect(run.body.data.params).toHaveLength(2);
    const history = await api
      .get(`/api/v1/runs/${runIds[1]}/metrics/rmse/history`)
      .set(alice.auth)
      .expect(200);
    expect(history.body.metrics).toEqual([{ key: 'rmse', value: 0.2, timestamp: 1, step: 0 }]);
    const missing = await api.get(`/api/v1/runs/${'0'.repeat(32)}`).set(alice.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('answers the same views over GraphQL, non-finite values as text', async () => {
    await api
      .post('/api/2.0/mlflow/runs/log-metric')
      .set(alice.auth)
      .send({ run_id: runIds[0], key: 'odd', value: 'Infinity', timestamp: 1 })
      .expect(200);
    const query = `query($p: ID!, $e: ID!, $r: [ID!]!) {
      experiments(projectId: $p) { total items { experimentId name } }
      searchRuns(experimentId: $e, filter: "params.model = 'rf'", orderBy: ["metrics.rmse ASC"]) {
        total runs { runId params { key value } metrics { key value valueText } }
      }
      compareRuns(runIds: $r) { runName }
      metricHistory(runId: "${runIds[1]}", key: "rmse") { value step }
    }`;
    const res = await api
      .post('/graphql')
      .set(alice.auth)
      .send({ query, variables: { p: projectId, e: experimentId, r: runIds } })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data;
    expect(data.experiments).toEqual({ total: 1, items: [{ experimentId, name: 'native' }] });
    expect(data.searchRuns.total).toBe(1);
    expect(data.searchRuns.runs[0].metrics).toContainEqual({
      key: 'odd',
      value: null,
      valueText: 'Infinity',
    });
    expect(data.compareRuns).toHaveLength(3);
    expect(data.metricHistory).toEqual([{ value: 0.2, step: 0 }]);
  });
});
