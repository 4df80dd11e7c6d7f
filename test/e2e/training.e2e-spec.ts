import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { TestUser } from './client.js';
import { subscribeToEnd } from './graphql-subscribe.js';
import type { Stack } from './stack.js';
import { trainingHarness } from './training-harness.js';

const LAGS = {
  op: 'timeseries.lag',
  params: { orderBy: 'date', columns: ['temp_max', 'precipitation'], periods: [1, 2] },
};

describe('trainings through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let dataSourceId: string;
  const { finished, upload, startTraining, train, start } = trainingHarness();

  beforeAll(async () => {
    ({ stack, owner, dataSourceId } = await start());
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

  it('stops a training whose target has no values at pre-flight, with a readable reason', async () => {
    const file = join(stack.dataDir, 'empty-target.csv');
    const lines = ['rain,flow', ...Array.from({ length: 30 }, (_, i) => `${i},`)];
    await writeFile(file, `${lines.join('\n')}\n`);
    const empty = await upload('Empty target', file);
    const res = await startTraining({
      dataSourceId: empty,
      version: 1,
      target: 'flow',
      model: { type: 'ridge' },
    });
    expect(res.status).toBe(412);
    expect(res.body.message).toMatch(/pre-flight failed: .*flow/);
  });

  it('records a FAILED run with the error when the model cannot be fitted', async () => {
    const res = await startTraining({
      dataSourceId,
      version: 1,
      target: 'temp_max',
      features: ['wind'],
      model: { type: 'ridge', params: { alpha: -1e7 } },
      validation: { mode: 'timeseries', folds: 3 },
    }).expect(202);
    const job = await finished(res.body.job.id);
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
    const res = await startTraining({
      dataSourceId,
      version: 1,
      target: 'temp_max',
      model: { type: 'random_forest', params: { nEstimators: 1500, seed: 3 } },
      validation: { mode: 'kfold', folds: 3 },
      skipExplanations: true,
    }).expect(202);
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
    // tree events are thinned to one per 250 ms: a 1500-tree fit on this data takes longer (in the
    // training worker, on 2 threads, a 300-tree one did not)
    expect(messages.some((m) => /^(fold [1-3] of 3|final model), tree \d+ of 1500$/.test(m))).toBe(
      true,
    );
    expect(messages).toContain('fold 3 of 3');
    const progress = values.map((v) => v.job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 120_000);
});
