import request from 'supertest';
import type { JobView, StudyAccepted, StudyView } from '@hydroml/contracts';
import type { TestUser } from './client.js';
import { readEvents } from './files-and-events.js';
import { subscribeToEnd } from './graphql-subscribe.js';
import type { Stack } from './stack.js';
import { studiesHarness } from './studies-harness.js';

describe('studies through the gateway: external workers, cancelling, registering', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  const { spec, startStudy, settledStudy, start } = studiesHarness();

  beforeAll(async () => {
    ({ stack, owner, stranger } = await start());
  }, 60_000);
  afterAll(() => stack.close());

  it('lets an external worker ask for parameters and tell the result', async () => {
    const res = await startStudy({
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
    }).expect(202);
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
    const res = await startStudy({
      // Trials long enough (~3 s here) that the one just started is still training at the cancel.
      spec: { ...spec(), model: { type: 'gradient_boosting', params: { maxIter: 2000 } } },
      search: [{ name: 'learningRate', type: 'float', low: 0.05, high: 0.3 }],
      sampler: { type: 'random', seed: 5 },
      budget: { trials: 40 },
      parallelism: 1,
    }).expect(202);
    const id = (res.body as StudyAccepted).study.id;
    for (let i = 0; i < 300; i += 1) {
      const now = await request(stack.baseUrl).get(`/api/v1/studies/${id}`).set(owner.auth);
      const trials = (now.body as StudyView).trials;
      const done = trials.some((t) => t.state === 'COMPLETE');
      if (done && trials.some((t) => t.state === 'RUNNING' && t.intermediate.length < 2)) break;
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
    const failed = study.trials.filter((x) => x.state === 'FAIL');
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) {
      expect(t.failReason).toBe('the study was cancelled');
      // Its job was cancelled too, so the worker stops training it.
      const job = await request(stack.baseUrl).get(`/api/v1/jobs/${t.jobId}`).set(owner.auth);
      expect((job.body as JobView).status).toBe('cancelled');
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

  it('registers the best model of an ended study on request, refusing while it runs or twice', async () => {
    const started = await startStudy({
      spec: spec(),
      search: [{ name: 'learningRate', type: 'float', low: 0.1, high: 0.3 }],
      sampler: { type: 'random', seed: 8 },
      budget: { trials: 2 },
    }).expect(202);
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
    const started = await startStudy({
      spec: spec(),
      search: [{ name: 'learningRate', type: 'float', low: 0.01, high: 0.02 }],
      sampler: { type: 'random', seed: 9 },
      budget: { trials: 2 },
      registerBest: { name: 'never-registered' },
    }).expect(202);
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
