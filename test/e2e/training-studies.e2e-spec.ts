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

  async function studyOf(body: object): Promise<StudyView> {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send(body);
    expect(res.status).toBe(202);
    return settledStudy((res.body as StudyAccepted).study.id);
  }

  /** Learning rates from 1e-4 (20 boosting iterations barely move: R² near 0) up to 0.3. */
  const widelyVaryingRate = [
    { name: 'learningRate', type: 'float', low: 0.0001, high: 0.3, log: true },
  ] as const;

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

  it('refuses a pruner with hold-out validation, which reports no intermediate values', async () => {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: { ...spec(), validation: { mode: 'holdout' } },
        search: [...widelyVaryingRate],
        pruner: { type: 'median' },
        budget: { trials: 3 },
      });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/median pruner needs intermediate values/);
    expect(res.body.message).toMatch(/k-fold or time-series cross-validation/);
    const noValidation: Record<string, unknown> = { ...spec() };
    delete noValidation.validation; // hold-out is the default
    await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: noValidation,
        search: [...widelyVaryingRate],
        pruner: { type: 'successive_halving' },
        budget: { trials: 3 },
      })
      .expect(400);
  });

  it('prunes clearly worse trials with the median pruner over k-fold scores', async () => {
    const study = await studyOf({
      spec: spec(),
      search: [...widelyVaryingRate],
      sampler: { type: 'random', seed: 11 },
      pruner: { type: 'median' },
      budget: { trials: 14 },
      parallelism: 1,
    });
    expect({ status: study.status, pruner: study.pruner }).toEqual({
      status: 'FINISHED',
      pruner: 'median',
    });
    expect(study.trials).toHaveLength(14);
    const complete = study.trials.filter((t) => t.state === 'COMPLETE');
    const pruned = study.trials.filter((t) => t.state === 'PRUNED');
    expect(complete.length).toBeGreaterThanOrEqual(5);
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of complete) expect(t.intermediate.map(([step]) => step)).toEqual([0, 1, 2]);
    // The median pruner needs its 5 start-up trials to complete before it prunes.
    const fifthComplete = complete[4].number;
    for (const t of pruned) {
      expect(t.number).toBeGreaterThan(fifthComplete);
      // Its best score so far fell below the median of the earlier complete trials at that step.
      const step = t.intermediate.at(-1)![0];
      const best = Math.max(...t.intermediate.map(([, v]) => v));
      const earlier = complete
        .filter((c) => c.number < t.number)
        .map((c) => c.intermediate[step][1])
        .sort((a, b) => a - b);
      const middle = (earlier.length - 1) / 2;
      const median = (earlier[Math.floor(middle)] + earlier[Math.ceil(middle)]) / 2;
      expect(best).toBeLessThan(median);
    }
  }, 240_000);

  it('stops at its time budget with fewer trials than the trial budget, FINISHED', async () => {
    const study = await studyOf({
      spec: spec(),
      search: [...widelyVaryingRate],
      sampler: { type: 'random', seed: 2 },
      budget: { trials: 500, timeoutSeconds: 3 },
      parallelism: 1,
    });
    expect(study.status).toBe('FINISHED');
    expect(study.budget).toEqual({ trials: 500, timeoutSeconds: 3 });
    expect(study.trials.length).toBeGreaterThan(0);
    expect(study.trials.length).toBeLessThan(500);
    expect(study.best).not.toBeNull();
    const created = Date.parse(study.createdAt);
    expect(Date.parse(study.finishedAt!) - created).toBeGreaterThanOrEqual(3000);
    // No trial starts after the deadline (a job queued before it may start a moment later).
    for (const t of study.trials) expect(Date.parse(t.start!) - created).toBeLessThan(5000);
  }, 120_000);

  it('visits every point of a grid once, the budget capped at the grid size', async () => {
    const study = await studyOf({
      spec: spec(),
      search: [
        { name: 'learningRate', type: 'categorical', choices: [0.05, 0.1, 0.2] },
        { name: 'maxLeafNodes', type: 'int', low: 4, high: 8, step: 4 },
      ],
      sampler: { type: 'grid', seed: 1 },
      budget: { trials: 20 },
      parallelism: 1,
    });
    expect({ status: study.status, sampler: study.sampler }).toEqual({
      status: 'FINISHED',
      sampler: 'grid',
    });
    expect(study.budget.trials).toBe(6);
    expect(study.trials.every((t) => t.state === 'COMPLETE')).toBe(true);
    const points = study.trials.map((t) => `${t.params.learningRate}/${t.params.maxLeafNodes}`);
    expect(points.sort()).toEqual(['0.05/4', '0.05/8', '0.1/4', '0.1/8', '0.2/4', '0.2/8']);
  }, 180_000);

  it('prunes with successive halving: only trials at the top of their rung go on', async () => {
    const study = await studyOf({
      spec: spec(),
      search: [...widelyVaryingRate],
      sampler: { type: 'random', seed: 4 },
      pruner: { type: 'successive_halving' },
      budget: { trials: 8 },
      parallelism: 1,
    });
    expect({ status: study.status, pruner: study.pruner }).toEqual({
      status: 'FINISHED',
      pruner: 'successive_halving',
    });
    expect(study.trials).toHaveLength(8);
    const pruned = study.trials.filter((t) => t.state === 'PRUNED');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) {
      // Rung 0 is fold 2 (step 1): a pruned trial never reached its third fold.
      expect(t.intermediate.map(([step]) => step)).toEqual([0, 1]);
      // Not the best at rung 0: an earlier trial scored higher on its second fold.
      const rival = study.trials.filter((o) => o.number < t.number && o.intermediate[1]);
      expect(t.intermediate[1][1]).toBeLessThan(
        Math.max(...rival.map((o) => o.intermediate[1][1])),
      );
    }
    expect(study.plots.intermediate.filter((p) => p.state === 'PRUNED')).toHaveLength(
      pruned.length,
    );
  }, 240_000);

  it('registers the best model of an ended study on request, refusing while it runs or twice', async () => {
    const started = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: spec(),
        search: [{ name: 'learningRate', type: 'float', low: 0.1, high: 0.3 }],
        sampler: { type: 'random', seed: 8 },
        budget: { trials: 2 },
      })
      .expect(202);
    const id = (started.body as StudyAccepted).study.id;
    const register = (who: TestUser, body: object) =>
      request(stack.baseUrl).post(`/api/v1/studies/${id}/register`).set(who.auth).send(body);
    const early = await register(owner, { name: 'late-best' });
    expect(early.status).toBe(412);
    expect(early.body.message).toMatch(/still RUNNING/);
    const study = await settledStudy(id);
    expect(study.status).toBe('FINISHED');
    expect(study.registered).toBeNull();
    expect(study.bestModel).toMatchObject({
      status: 'not_registered',
      trialNumber: study.best?.number,
      registered: null,
      registrable: true,
    });
    expect(study.bestModel.reason).toMatch(/not asked at creation.*\/register/);
    await register(stranger, { name: 'late-best' }).expect(404);
    const done = await register(owner, { name: 'late-best', alias: 'tuned' }).expect(200);
    const after = done.body as StudyView;
    expect(after.registered).toEqual({ name: 'late-best', version: '1', alias: 'tuned' });
    expect(after.bestModel).toMatchObject({
      status: 'registered',
      reason: null,
      registrable: false,
    });
    const alias = await request(stack.baseUrl)
      .get('/api/2.0/mlflow/registered-models/alias?name=late-best&alias=tuned')
      .set(owner.auth)
      .expect(200);
    expect(alias.body.model_version.run_id).toBe(study.best?.runId);
    const again = await register(owner, { name: 'late-best' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already registered as late-best v1/);
  }, 120_000);

  it('says why the best model is not registered when the best trial was external', async () => {
    const started = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/studies`)
      .set(owner.auth)
      .send({
        spec: spec(),
        search: [{ name: 'learningRate', type: 'float', low: 0.01, high: 0.02 }],
        sampler: { type: 'random', seed: 9 },
        budget: { trials: 2 },
        registerBest: { name: 'never-registered' },
      })
      .expect(202);
    const id = (started.body as StudyAccepted).study.id;
    const asked = await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/ask`)
      .set(owner.auth)
      .expect(200);
    // R² 1 beats every trial the service runs (a low learning rate keeps theirs well below).
    await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/tell`)
      .set(owner.auth)
      .send({ trialNumber: asked.body.trialNumber, value: 1 })
      .expect(200);
    const study = await settledStudy(id);
    expect(study.status).toBe('FINISHED');
    expect(study.best).toMatchObject({ number: asked.body.trialNumber, external: true });
    expect(study.registered).toBeNull();
    expect(study.bestModel).toMatchObject({
      status: 'no_model',
      trialNumber: asked.body.trialNumber,
      registrable: false,
    });
    expect(study.bestModel.reason).toMatch(/external worker \(ask\/tell\)/);
    const refused = await request(stack.baseUrl)
      .post(`/api/v1/studies/${id}/register`)
      .set(owner.auth)
      .send({ name: 'never-registered' });
    expect(refused.status).toBe(412);
    expect(refused.body.message).toMatch(/external worker/);
    const gql = await request(stack.baseUrl)
      .post('/graphql')
      .set(owner.auth)
      .send({
        query: `mutation { registerStudyBest(id: "${id}", name: "x") { id } }`,
      })
      .expect(200);
    expect(gql.body.errors[0].extensions.code).toBe('failed_precondition');
    const read = await request(stack.baseUrl)
      .post('/graphql')
      .set(owner.auth)
      .send({ query: `{ study(id: "${id}") { bestModel { status reason registrable } } }` })
      .expect(200);
    expect(read.body.data.study.bestModel).toMatchObject({
      status: 'no_model',
      registrable: false,
    });
  }, 120_000);
});
