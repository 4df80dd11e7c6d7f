import request from 'supertest';
import type { StudyAccepted, StudyView } from '@hydroml/contracts';
import type { TestUser } from './client.js';
import { readEvents } from './files-and-events.js';
import type { Stack } from './stack.js';
import { studiesHarness, widelyVaryingRate } from './studies-harness.js';

describe('studies through the gateway: samplers and budgets', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  const { spec, startStudy, studyOf, start } = studiesHarness();

  beforeAll(async () => {
    ({ stack, owner, stranger } = await start());
  }, 60_000);
  afterAll(() => stack.close());

  it('runs a TPE study as trial jobs, nests trial runs and registers the best model with an alias', async () => {
    const res = await startStudy({
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
});
