import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { JobView, StudyAccepted, StudyView } from '@hydroml/contracts';
import { signUp, type TestUser } from './client.js';
import { readEvents } from './files-and-events.js';
import { subscribeToEnd } from './graphql-subscribe.js';
import { startStack, type Stack } from './stack.js';

const SEATTLE = fileURLToPath(
  new URL('../../node_modules/vega-datasets/data/seattle-weather.csv', import.meta.url),
);

describe('studies through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let projectId: string;
  let dataSourceId: string;

  async function job(id: string): Promise<JobView> {
    for (let i = 0; i < 300; i += 1) {
      const res = await request(stack.baseUrl).get(`/api/v1/jobs/${id}`).set(owner.auth);
      if (['succeeded', 'failed', 'cancelled'].includes(res.body.status))
        return res.body as JobView;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('job did not finish');
  }

  async function settledStudy(id: string): Promise<StudyView> {
    for (let i = 0; i < 600; i += 1) {
      const res = await request(stack.baseUrl).get(`/api/v1/studies/${id}`).set(owner.auth);
      if (res.body.status !== 'RUNNING') return res.body as StudyView;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('study did not finish');
  }

  const spec = () => ({
    dataSourceId,
    version: 1,
    target: 'temp_max',
    features: ['precipitation', 'temp_min', 'wind', 'weather'],
    model: { type: 'gradient_boosting', params: { maxIter: 20 } },
    validation: { mode: 'kfold', folds: 3 },
  });

  beforeAll(async () => {
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
    stranger = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Tuning' })
      .expect(201);
    projectId = project.body.id;
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', 'Seattle')
      .attach('file', SEATTLE)
      .expect(201);
    const ingest = await job(upload.body.job.id);
    if (ingest.status !== 'succeeded') throw new Error(`upload failed: ${ingest.error?.message}`);
    dataSourceId = upload.body.dataSource.id;
  }, 60_000);
  afterAll(() => stack.close());

  it('runs a TPE study as trial jobs, nests trial runs and registers the best model with an alias', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        name: 'gb-tpe',
        spec: spec(),
        search: [
          { name: 'learningRate', type: 'float', low: 0.02, high: 0.3, log: true },
          { name: 'maxLeafNodes', type: 'int', low: 4, high: 31 },
        ],
        sampler: { type: 'tpe', seed: 7 },
        pruner: { type: 'median' },
        budget: { trials: 6 },
        parallelism: 2,
        registerBest: { name: 'seattle-temp', alias: 'champion' },
      });
    expect(res.status).toBe(202);
    const accepted = res.body as StudyAccepted;
    expect(accepted.jobs).toHaveLength(2);
    // Followed live over SSE: the study now, after each trial, and closed.
    const events = await readEvents<{ type: string; study: StudyView }>(
      `${stack.baseUrl}/api/v1/studies/${accepted.study.id}/events`,
      owner.auth,
    );
    expect(events[0]?.type).toBe('state');
    expect(events.filter((e) => e.type === 'trial').length).toBeGreaterThan(0);
    const study = events.at(-1)!.study;
    expect(events.at(-1)?.type).toBe('state');
    const finished = events.map((e) => e.study.trials.filter((t) => t.state !== 'RUNNING').length);
    expect(finished).toEqual([...finished].sort((a, b) => a - b));
    await request(stack.baseUrl)
      .get(`/api/v1/studies/${accepted.study.id}/events`)
      .set(stranger.auth)
      .expect(404);
    expect({ status: study.status, error: study.error }).toEqual({
      status: 'FINISHED',
      error: null,
    });
    expect(study.trials).toHaveLength(6);
    expect(study.trials.every((t) => ['COMPLETE', 'PRUNED'].includes(t.state))).toBe(true);
    expect(study.best?.value).toBeGreaterThan(0.5);
    expect(study.direction).toBe('maximize');
    expect(study.plots.history.length).toBeGreaterThan(0);
    expect(Object.keys(study.importance).sort()).toEqual(['learningRate', 'maxLeafNodes']);
    expect(study.registered).toMatchObject({ name: 'seattle-temp', alias: 'champion' });
    const alias = await request(stack.baseUrl)
      .get('/api/2.0/mlflow/registered-models/alias?name=seattle-temp&alias=champion')
      .set(owner.auth)
      .expect(200);
    expect(alias.body.model_version.run_id).toBe(study.best?.runId);
    const trialRun = await request(stack.baseUrl)
      .get(`/api/2.0/mlflow/runs/get?run_id=${study.best?.runId}`)
      .set(owner.auth)
      .expect(200);
    const tags = new Map<string, string>(
      trialRun.body.run.data.tags.map((t: { key: string; value: string }) => [t.key, t.value]),
    );
    expect(tags.get('mlflow.parentRunId')).toBe(study.parentRunId);
    const predicted = await request(stack.baseUrl)
      .post('/api/v1/models/seattle-temp/versions/1/predict')
      .set(owner.auth)
      .send({ rows: [{ precipitation: 0, temp_min: 10, wind: 3, weather: 'sun' }] })
      .expect(200);
    expect(typeof predicted.body.predictions[0]).toBe('number');
    const gql = await request(stack.baseUrl)
      .post('/graphql')
      .set(owner.auth)
      .send({
        query: `{ study(id: "${study.id}") { status metric best { number value } trials { state } } }`,
      })
      .expect(200);
    expect(gql.body.data.study).toMatchObject({ status: 'FINISHED', metric: 'r2' });
    expect(gql.body.data.study.trials).toHaveLength(6);
  }, 180_000);

  it('lets an external worker ask for parameters and tell the result', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: spec(),
        modelTypes: ['gradient_boosting', 'random_forest'],
        search: [
          {
            name: 'learningRate',
            type: 'float',
            low: 0.05,
            high: 0.2,
            models: ['gradient_boosting'],
          },
          { name: 'nEstimators', type: 'int', low: 5, high: 10, models: ['random_forest'] },
        ],
        sampler: { type: 'random', seed: 3 },
        budget: { trials: 1 },
      })
      .expect(202);
    const id = (res.body as StudyAccepted).study.id;
    const live = subscribeToEnd<{ type: string; study: { status: string; trials: unknown[] } }>(
      stack.baseUrl,
      owner,
      'subscription($id: ID!) { studyEvents(id: $id) { type study { status trials { state } } } }',
      { id },
      'studyEvents',
    );
    const asked = await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/ask`)
      .set(owner.auth)
      .expect(200);
    const type = asked.body.params.model_type;
    expect(['gradient_boosting', 'random_forest']).toContain(type);
    const conditional = type === 'random_forest' ? 'nEstimators' : 'learningRate';
    expect(Object.keys(asked.body.params).sort()).toEqual([conditional, 'model_type'].sort());
    const told = await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/tell`)
      .set(owner.auth)
      .send({ trialNumber: asked.body.trialNumber, value: 0.5 })
      .expect(200);
    expect(told.body).toMatchObject({ state: 'COMPLETE', value: 0.5, external: true });
    await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/tell`)
      .set(owner.auth)
      .send({ trialNumber: asked.body.trialNumber, value: 0.7 })
      .expect(412);
    const study = await settledStudy(id);
    const { values, errors } = await live;
    expect(errors).toEqual([]);
    expect(values[0]?.type).toBe('state');
    expect(values.at(-1)).toMatchObject({ type: 'state', study: { status: study.status } });
    expect(values.at(-1)?.study.trials).toHaveLength(study.trials.length);
    expect(study.trials.filter((t) => t.external)).toHaveLength(1);
    expect(study.trials.filter((t) => !t.external && t.state === 'COMPLETE')).toHaveLength(1);
  }, 120_000);

  it('cancels a running study: open trials fail with the reason, done ones stay, no new ones start', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: spec(),
        search: [{ name: 'learningRate', type: 'float', low: 0.05, high: 0.3 }],
        sampler: { type: 'random', seed: 5 },
        budget: { trials: 40 },
        parallelism: 1,
      })
      .expect(202);
    const id = (res.body as StudyAccepted).study.id;
    for (let i = 0; i < 300; i += 1) {
      const now = await request(stack.baseUrl).get(`/api/v1/studies/${id}`).set(owner.auth);
      if ((now.body as StudyView).trials.some((t) => t.state === 'COMPLETE')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/cancel`)
      .set(stranger.auth)
      .expect(404);
    const cancelled = await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/cancel`)
      .set(owner.auth)
      .expect(200);
    const study = cancelled.body as StudyView;
    expect(study.status).toBe('CANCELLED');
    expect(study.trials.some((t) => t.state === 'COMPLETE')).toBe(true);
    expect(study.trials.filter((t) => t.state === 'RUNNING')).toEqual([]);
    for (const t of study.trials.filter((x) => x.state === 'FAIL')) {
      expect(t.failReason).toBe('the study was cancelled');
    }
    await request(stack.baseUrl).post(`/api/v1/studies/${id}/cancel`).set(owner.auth).expect(412);
    const parent = await request(stack.baseUrl)
      .get(`/api/2.0/mlflow/runs/get?run_id=${study.parentRunId}`)
      .set(owner.auth)
      .expect(200);
    expect(parent.body.run.info.status).toBe('KILLED');
    await new Promise((r) => setTimeout(r, 2000));
    const later = await request(stack.baseUrl).get(`/api/v1/studies/${id}`).set(owner.auth);
    expect((later.body as StudyView).trials).toHaveLength(study.trials.length);
    const events = await readEvents<{ type: string; study: StudyView }>(
      `${stack.baseUrl}/api/v1/studies/${id}/events`,
      owner.auth,
    );
    expect(events.map((e) => [e.type, e.study.status])).toEqual([['state', 'CANCELLED']]);
  }, 120_000);
});
