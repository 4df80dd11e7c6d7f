import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { JobView, TrainingAccepted, TrainingView } from '@hydroml/contracts';
import { signUp, type TestUser } from './client.js';
import { subscribeToEnd } from './graphql-subscribe.js';
import { startStack, type Stack } from './stack.js';

const SEATTLE = fileURLToPath(
  new URL('../../node_modules/vega-datasets/data/seattle-weather.csv', import.meta.url),
);
const LAGS = {
  op: 'timeseries.lag',
  params: { orderBy: 'date', columns: ['temp_max', 'precipitation'], periods: [1, 2] },
};

async function finished(stack: Stack, user: TestUser, jobId: string): Promise<JobView> {
  for (let i = 0; i < 600; i += 1) {
    const res = await request(stack.baseUrl).get(`/api/v1/jobs/${jobId}`).set(user.auth);
    const job = res.body as JobView;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

describe('trainings and predictions through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;

  async function upload(name: string, file: string): Promise<string> {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', name)
      .attach('file', file)
      .expect(201);
    expect((await finished(stack, owner, res.body.job.id)).status).toBe('succeeded');
    return res.body.dataSource.id as string;
  }

  async function train(body: object): Promise<TrainingView> {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/trainings`)
      .set(owner.auth)
      .send(body);
    expect(res.status).toBe(202);
    const accepted = res.body as TrainingAccepted;
    const job = await finished(stack, owner, accepted.job.id);
    const training = await request(stack.baseUrl)
      .get(`/api/v1/trainings/${accepted.training.id}`)
      .set(owner.auth)
      .expect(200);
    expect({ job: job.status, error: job.error?.message }).toEqual({
      job: 'succeeded',
      error: undefined,
    });
    return training.body as TrainingView;
  }

  beforeAll(async () => {
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Seattle' })
      .expect(201);
    projectId = project.body.id;
    dataSourceId = await upload('Seattle weather', SEATTLE);
  }, 60_000);
  afterAll(() => stack.close());

  it('trains a random forest with lag features on a time-ordered split and logs an MLflow run', async () => {
    const training = await train({
      dataSourceId,
      version: 1,
      recipe: [LAGS],
      target: 'temp_max',
      model: { type: 'random_forest', params: { nEstimators: 20, seed: 1 } },
      split: { timeColumn: 'date', testFraction: 0.2 },
    });
    expect(training).toMatchObject({ status: 'FINISHED', task: 'regression' });
    expect(training.metrics.nse).toBeGreaterThan(0.6);
    expect(training.metrics).toHaveProperty('kge');
    expect(training.metrics).toHaveProperty('r2');
    const run = await request(stack.baseUrl)
      .get(`/api/2.0/mlflow/runs/get?run_id=${training.runId}`)
      .set(owner.auth)
      .expect(200);
    const metrics = new Map<string, number>(
      run.body.run.data.metrics.map((m: { key: string; value: number }) => [m.key, m.value]),
    );
    expect(metrics.get('nse')).toBeCloseTo(training.metrics.nse, 6);
    const tags = new Map<string, string>(
      run.body.run.data.tags.map((t: { key: string; value: string }) => [t.key, t.value]),
    );
    expect(tags.get('hydroml.spec_hash')).toBe(training.specHash);
    expect(tags.get('hydroml.data_source_id')).toBe(dataSourceId);
    expect(run.body.run.info.status).toBe('FINISHED');
    const files = await request(stack.baseUrl)
      .get(`/api/2.0/mlflow/artifacts/list?run_id=${training.runId}&path=explain`)
      .set(owner.auth)
      .expect(200);
    expect(files.body.files.map((f: { path: string }) => f.path)).toContain(
      'explain/importance.json',
    );
    const importance = await request(stack.baseUrl)
      .get(
        `/api/2.0/mlflow-artifacts/artifacts/${training.experimentId}/${training.runId}/artifacts/explain/importance.json`,
      )
      .set(owner.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    const parsed = JSON.parse(importance.body as string);
    expect(Object.keys(parsed.impurity)).toContain('temp_max_lag_1');
    expect(parsed.shap.meanAbs).toHaveProperty('temp_min');

    const preset = await request(stack.baseUrl)
      .post('/api/v1/presets')
      .set(owner.auth)
      .send({ name: 'small forest', fromRunId: training.runId })
      .expect(201);
    expect(preset.body).toMatchObject({
      modelType: 'random_forest',
      params: { nEstimators: 20, seed: 1 },
    });
    const again = await train({
      dataSourceId,
      version: 1,
      target: 'temp_max',
      presetId: preset.body.id,
      model: { type: 'random_forest', params: { seed: 2 } },
      split: { timeColumn: 'date' },
      skipExplanations: true,
    });
    expect((again.spec.model as { params: object }).params).toEqual({ nEstimators: 20, seed: 2 });
    const mine = await request(stack.baseUrl).get('/api/v1/presets').set(owner.auth).expect(200);
    expect(mine.body.map((p: { name: string }) => p.name)).toEqual(['small forest']);
  });

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
    const job = await finished(stack, owner, batch.body.job.id);
    expect(job.status).toBe('succeeded');
    const ingest = await finished(stack, owner, String(job.result?.ingestJobId));
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

  it('stops a training whose target has no values at pre-flight, with a readable reason', async () => {
    const file = join(stack.dataDir, 'empty-target.csv');
    const lines = ['rain,flow', ...Array.from({ length: 30 }, (_, i) => `${i},`)];
    await writeFile(file, `${lines.join('\n')}\n`);
    const empty = await upload('Empty target', file);
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/trainings`)
      .set(owner.auth)
      .send({ dataSourceId: empty, version: 1, target: 'flow', model: { type: 'ridge' } });
    expect(res.status).toBe(412);
    expect(res.body.message).toMatch(/pre-flight failed: .*flow/);
  });

  it('records a FAILED run with the error when the model cannot be fitted', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/trainings`)
      .set(owner.auth)
      .send({
        dataSourceId,
        version: 1,
        target: 'temp_max',
        features: ['wind'],
        model: { type: 'ridge', params: { alpha: -1e7 } },
        validation: { mode: 'timeseries', folds: 3 },
      })
      .expect(202);
    const job = await finished(stack, owner, res.body.job.id);
    expect(job.status).toBe('failed');
    const training = await request(stack.baseUrl)
      .get(`/api/v1/trainings/${res.body.training.id}`)
      .set(owner.auth)
      .expect(200);
    expect(training.body.status).toBe('FAILED');
    expect(training.body.error).toMatch(/training failed/);
    const run = await request(stack.baseUrl)
      .get(`/api/2.0/mlflow/runs/get?run_id=${training.body.runId}`)
      .set(owner.auth)
      .expect(200);
    expect(run.body.run.info.status).toBe('FAILED');
  });

  it('trains a pipeline regression (ridge) with k-fold validation', async () => {
    const training = await train({
      dataSourceId,
      version: 1,
      target: 'temp_max',
      features: ['temp_min', 'precipitation', 'wind'],
      model: { type: 'ridge', params: { alpha: 1 } },
      validation: { mode: 'kfold', folds: 3 },
      skipExplanations: true,
    });
    expect(training).toMatchObject({ status: 'FINISHED', task: 'regression' });
    expect(training.metrics.r2).toBeGreaterThan(0.5);
  });

  it('streams progress per tree within each fold and the final fit to a job subscriber', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/trainings`)
      .set(owner.auth)
      .send({
        dataSourceId,
        version: 1,
        target: 'temp_max',
        model: { type: 'random_forest', params: { nEstimators: 300, seed: 3 } },
        validation: { mode: 'kfold', folds: 3 },
        skipExplanations: true,
      })
      .expect(202);
    const { values, errors } = await subscribeToEnd<{
      type: string;
      job: { status: string; progress: number; message: string | null };
    }>(
      stack.baseUrl,
      owner,
      'subscription($id: ID!) { jobEvents(id: $id) { type job { status progress message } } }',
      { id: res.body.job.id },
      'jobEvents',
    );
    expect(errors).toEqual([]);
    expect(values.at(-1)?.job.status).toBe('succeeded');
    const messages = values.map((v) => v.job.message ?? '');
    // tree events are thinned to one per 250 ms: a 300-tree fit on this data takes longer
    expect(messages.some((m) => /^(fold [1-3] of 3|final model), tree \d+ of 300$/.test(m))).toBe(
      true,
    );
    expect(messages).toContain('fold 3 of 3');
    const progress = values.map((v) => v.job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120_000);
});
