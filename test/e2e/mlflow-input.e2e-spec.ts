import { API, mlflowSession } from './mlflow-session.js';

/** Bad input on the MLflow routes answers in MLflow's shape, whatever layer refuses it. */
describe('MLflow tracking API: bad input', () => {
  const mlflow = mlflowSession();

  it('refuses log-batch over each MLflow limit with INVALID_PARAMETER_VALUE', async () => {
    const { body } = await mlflow.post('experiments/create', { name: 'limits' });
    const runId = await mlflow.newRun(body.experiment_id as string);
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
      const res = await mlflow.post('runs/log-batch', { run_id: runId, ...batch });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const ok = await mlflow.post('runs/log-batch', {
      run_id: runId,
      metrics: range(1000).map(metric),
    });
    expect(ok.status).toBe(200);
  });

  it("answers malformed and empty JSON bodies with MLflow's error body", async () => {
    for (const path of [`${API}/runs/log-batch`, `/ajax-api/2.0/mlflow/experiments/create`]) {
      const malformed = await mlflow.api
        .post(path)
        .set(mlflow.alice)
        .set('content-type', 'application/json')
        .send('{"run_id": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({
        error_code: 'INVALID_PARAMETER_VALUE',
        message: expect.any(String),
      });
      const empty = await mlflow.api
        .post(path)
        .set(mlflow.alice)
        .set('content-type', 'application/json')
        .send('');
      expect(empty.status).toBe(400);
      expect(empty.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    // Elsewhere the platform's own error body stays.
    const native = await mlflow.api
      .post('/api/v1/projects')
      .set(mlflow.alice)
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(native.status).toBe(400);
    expect(native.body.code).toBe('invalid_argument');
  });
});
