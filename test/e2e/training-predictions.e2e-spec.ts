import request from 'supertest';
import { signUp, type TestUser } from './client.js';
import type { Stack } from './stack.js';
import { trainingHarness } from './training-harness.js';

describe('trained models through the gateway: registry, predictions, gallery', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const { finished, train, start } = trainingHarness();

  beforeAll(async () => {
    ({ stack, owner, projectId, dataSourceId } = await start());
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
});
