import { readFileSync } from 'node:fs';
import request from 'supertest';
import { signUp, type TestUser } from './client.js';
import { SEATTLE } from './project-setup.js';
import type { Stack } from './stack.js';
import { trainingHarness } from './training-harness.js';

describe('trained models through the gateway: registry, predictions, gallery', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const { finished, train, start, upload } = trainingHarness();

  beforeAll(async () => {
    // batch predictions in pieces of 500 rows: the 1461 days take three
    ({ stack, owner, projectId, dataSourceId } = await start({ PREDICT_CHUNK_ROWS: '500' }));
  }, 60_000);
  afterAll(() => stack.close());

  it('trains a gradient-boosting classifier with k-fold validation and registers, predicts, downloads', async () => {
    const training = await train({
      dataSourceId,
      version: 1,
      target: 'weather',
      features: ['precipitation', 'temp_max', 'temp_min', 'wind'],
      model: { type: 'gradient_boosting', params: { maxIter: 30 } },
      validation: { mode: 'kfold', folds: 3 },
    });
    expect(training).toMatchObject({ status: 'FINISHED', task: 'classification' });
    expect(training.metrics.accuracy).toBeGreaterThan(0.5);
    const name = 'seattle-weather-gb';
    await request(stack.baseUrl)
      .post('/api/2.0/mlflow/registered-models/create')
      .set(owner.auth)
      .send({ name, project_id: projectId })
      .expect(200);
    await request(stack.baseUrl)
      .post('/api/2.0/mlflow/model-versions/create')
      .set(owner.auth)
      .send({ name, source: `runs:/${training.runId}/model`, run_id: training.runId })
      .expect(200);
    const rows = [{ precipitation: 12, temp_max: 9, temp_min: 4, wind: 5 }];
    const now = await request(stack.baseUrl)
      .post(`/api/v1/models/${name}/versions/1/predict`)
      .set(owner.auth)
      .send({ rows })
      .expect(200);
    expect(now.body.predictions).toHaveLength(1);
    expect(now.body.classes).toContain('rain');
    expect(now.body.probabilities[0].reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 6);
    const file = await request(stack.baseUrl)
      .get(`/api/v1/models/${name}/versions/1/model-file`)
      .set(owner.auth)
      .expect(200);
    expect(JSON.parse(file.text)).toMatchObject({ format: 'hydroml-model' });
    const batch = await request(stack.baseUrl)
      .post(`/api/v1/models/${name}/versions/1/predict`)
      .set(owner.auth)
      .send({ dataSourceId, dataVersion: 1 })
      .expect(202);
    const job = await finished(batch.body.job.id);
    expect(job.status).toBe('succeeded');
    const ingest = await finished(String(job.result?.ingestJobId));
    expect(ingest.status).toBe('succeeded');
    const v2 = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${dataSourceId}/versions/2`)
      .set(owner.auth)
      .expect(200);
    const names = v2.body.schema.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['weather', 'prediction', 'proba_rain']));
    expect(v2.body.rows).toBe(1461);

    await request(stack.baseUrl)
      .post(`/api/v1/trainings/${training.id}/publish`)
      .set(owner.auth)
      .send({ title: 'Seattle weather classes', description: 'boosting, 3-fold' })
      .expect(201);
    const reader = await signUp(stack.baseUrl);
    const found = await request(stack.baseUrl)
      .get('/api/v1/gallery?model=gradient_boosting&metric=accuracy&q=seattle')
      .set(reader.auth)
      .expect(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0].metrics.accuracy).toBeCloseTo(training.metrics.accuracy, 9);
    const own = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(reader.auth)
      .send({ name: 'Forks' })
      .expect(201);
    const fork = await request(stack.baseUrl)
      .post(`/api/v1/gallery/${found.body.items[0].id}/fork`)
      .set(reader.auth)
      .send({ projectId: own.body.id })
      .expect(201);
    expect(fork.body.draft).toMatchObject({ projectId: own.body.id, target: 'weather' });
    const none = await request(stack.baseUrl)
      .get('/api/v1/gallery?model=ridge')
      .set(reader.auth)
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('predicts JSON rows through the model recipe, as the version prediction does', async () => {
    const source = await upload('Seattle for rows', SEATTLE);
    const lags = {
      op: 'timeseries.lag',
      params: { orderBy: 'date', columns: ['temp_max', 'precipitation'], periods: [1, 2] },
    };
    const training = await train({
      ...{ dataSourceId: source, version: 1, recipe: [lags], target: 'temp_max' },
      features: ['temp_min', 'wind', 'temp_max_lag_1', 'temp_max_lag_2', 'precipitation_lag_1'],
      model: { type: 'random_forest', params: { nEstimators: 10, seed: 1 } },
      split: { timeColumn: 'date', testFraction: 0.2 },
    });
    expect(training.status).toBe('FINISHED');
    const name = 'seattle-lags';
    const mlflow = (path: string, body: object) =>
      request(stack.baseUrl).post(`/api/2.0/mlflow/${path}`).set(owner.auth).send(body).expect(200);
    await mlflow('registered-models/create', { name, project_id: projectId });
    await mlflow('model-versions/create', { name, source: 'x', run_id: training.runId });
    const predict = (body: object) =>
      request(stack.baseUrl)
        .post(`/api/v1/models/${name}/versions/1/predict`)
        .set(owner.auth)
        .send(body);
    // the first days as the CSV has them (dates as text, as a client sends them)
    const [header, ...lines] = readFileSync(SEATTLE, 'utf8').split('\n').slice(0, 6);
    const keys = header.split(',');
    const rows = lines.map((line) =>
      Object.fromEntries(
        line.split(',').map((v, j) => [keys[j], j === 0 || j === 5 ? v : Number(v)]),
      ),
    );
    const now = await predict({ rows }).expect(200);
    expect(now.body.rows).toEqual([0, 1, 2, 3, 4]);
    const batch = await predict({ dataSourceId: source, dataVersion: 1 }).expect(202);
    const job = await finished(batch.body.job.id);
    expect((await finished(String(job.result?.ingestJobId))).status).toBe('succeeded');
    const page = await request(stack.baseUrl)
      .post(`/api/v1/data-sources/${source}/versions/2/rows`)
      .set(owner.auth)
      .send({ startRow: 0, endRow: 5 })
      .expect(200);
    // the first days have the same (missing) lags in both: the same predictions
    const expected = page.body.rowData.map((r: { prediction: number }) => r.prediction);
    expect(now.body.predictions).toHaveLength(5);
    now.body.predictions.forEach((p: number, i: number) => expect(p).toBeCloseTo(expected[i], 9));

    const bad = await predict({ rows: [{ ...rows[0], wind: 'windy' }] }).expect(400);
    expect(bad.body.message).toContain(`column 'wind'`);
    const noFeature = await predict({ rows: [{ date: '2012-01-01' }] }).expect(200);
    expect(noFeature.body.predictions).toHaveLength(1);
  });
});
