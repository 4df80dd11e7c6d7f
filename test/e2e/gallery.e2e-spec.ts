import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type {
  DraftView,
  GalleryEntryView,
  Page,
  TrainingAccepted,
  TrainingView,
} from '@hydroml/contracts';
import { signUp, waitForJob, type TestUser } from './client.js';
import { createProject, SEATTLE, uploadFile } from './project-setup.js';
import { startStack, type Stack } from './stack.js';

interface GqlReply<T> {
  data: T | null;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

describe('the gallery, its drafts and presets through the gateway', () => {
  let stack: Stack;
  let alice: TestUser;
  let bob: TestUser;
  let aliceProject: string;
  let aliceData: string;
  const token = randomUUID().slice(0, 8);
  const published: Array<{ entry: GalleryEntryView; training: TrainingView }> = [];

  const api = () => request(stack.baseUrl);

  const project = (user: TestUser, name: string) => createProject(stack, user, name);
  const upload = (user: TestUser, projectId: string) =>
    uploadFile(stack, user, projectId, SEATTLE, 'Seattle weather');

  async function settled(user: TestUser, accepted: TrainingAccepted): Promise<TrainingView> {
    const job = await waitForJob(stack.baseUrl, user, accepted.job.id);
    expect({ job: job.status, error: job.error?.message }).toEqual({
      job: 'succeeded',
      error: undefined,
    });
    const res = await api().get(`/api/v1/trainings/${accepted.training.id}`).set(user.auth);
    return res.body as TrainingView;
  }

  const spec = (dataSourceId: string, type: string) => ({
    dataSourceId,
    version: 1,
    target: 'temp_max',
    features: ['precipitation', 'temp_min', 'wind'],
    model: { type, params: type === 'gradient_boosting' ? { maxIter: 10 } : {} },
    skipExplanations: true,
  });

  beforeAll(async () => {
    stack = await startStack();
    alice = await signUp(stack.baseUrl);
    bob = await signUp(stack.baseUrl);
    aliceProject = await project(alice, 'Published work');
    aliceData = await upload(alice, aliceProject);
    for (const [i, type] of ['ridge', 'linear', 'gradient_boosting'].entries()) {
      const res = await api()
        .post(`/api/v1/projects/${aliceProject}/trainings`)
        .set(alice.auth)
        .send(spec(aliceData, type))
        .expect(202);
      const training = await settled(alice, res.body as TrainingAccepted);
      const entry = await api()
        .post(`/api/v1/trainings/${training.id}/publish`)
        .set(alice.auth)
        .send({ title: `Seattle ${token} #${i}` })
        .expect(201);
      published.push({ entry: entry.body as GalleryEntryView, training });
    }
  }, 180_000);
  afterAll(() => stack.close());

  it('paginates the gallery: pages of pageSize, the full total on every page, even past the end', async () => {
    const page = async (n: number) =>
      (
        await api()
          .get(`/api/v1/gallery?q=${token}&metric=rmse&pageSize=2&page=${n}`)
          .set(bob.auth)
          .expect(200)
      ).body as Page<GalleryEntryView>;
    const [first, second, past] = [await page(1), await page(2), await page(3)];
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
    expect(past).toMatchObject({ items: [], total: 3, page: 3, pageSize: 2 });
    const ids = [...first.items, ...second.items].map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set(published.map((p) => p.entry.id)));
    // An error metric: smallest first, across the pages.
    const rmse = [...first.items, ...second.items].map((e) => e.metrics.rmse);
    expect(rmse).toEqual([...rmse].sort((a, b) => a - b));
    const none = await api().get(`/api/v1/gallery?q=${token}&model=knn`).set(bob.auth);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it("forks alice's experiment into bob's project and runs the draft on bob's own upload", async () => {
    const entry = published.find((p) => p.entry.modelType === 'gradient_boosting')!;
    const bobProject = await project(bob, 'Forked work');
    const forked = await api()
      .post(`/api/v1/gallery/${entry.entry.id}/fork`)
      .set(bob.auth)
      .send({ projectId: bobProject })
      .expect(201);
    const draftId = forked.body.id as string;
    const listed = await api().get(`/api/v1/projects/${bobProject}/drafts`).set(bob.auth);
    expect(listed.status).toBe(200);
    expect((listed.body as DraftView[]).map((d) => [d.id, d.galleryId, d.modelType])).toEqual([
      [draftId, entry.entry.id, 'gradient_boosting'],
    ]);
    const got = await api().get(`/api/v1/drafts/${draftId}`).set(bob.auth).expect(200);
    expect(got.body).toMatchObject({ projectId: bobProject, title: entry.entry.title });
    expect(got.body.draft).toMatchObject({ dataSourceId: aliceData, target: 'temp_max' });
    // Alice published, but the draft is in bob's project: to her it does not exist.
    await api().get(`/api/v1/drafts/${draftId}`).set(alice.auth).expect(404);
    await api().get(`/api/v1/projects/${bobProject}/drafts`).set(alice.auth).expect(404);
    await api().post(`/api/v1/drafts/${draftId}/run`).set(alice.auth).send({}).expect(404);
    await api().delete(`/api/v1/drafts/${draftId}`).set(alice.auth).expect(404);

    // Alice's data is not shared: a clear refusal naming what to give instead.
    const refused = await api().post(`/api/v1/drafts/${draftId}/run`).set(bob.auth).send({});
    expect(refused.status).toBe(412);
    expect(refused.body.message).toContain(aliceData);
    expect(refused.body.message).toMatch(/does not share its data/);
    expect(refused.body.message).toMatch(/dataSourceId and version/);
    await api()
      .post(`/api/v1/drafts/${draftId}/run`)
      .set(bob.auth)
      .send({ dataSourceId: aliceData })
      .expect(400);

    const bobData = await upload(bob, bobProject);
    const run = await api()
      .post(`/api/v1/drafts/${draftId}/run`)
      .set(bob.auth)
      .send({ dataSourceId: bobData, version: 1 })
      .expect(202);
    const training = await settled(bob, run.body as TrainingAccepted);
    expect(training).toMatchObject({ status: 'FINISHED', projectId: bobProject });
    expect(training.spec).toMatchObject({
      dataSourceId: bobData,
      version: 1,
      target: 'temp_max',
      features: ['precipitation', 'temp_min', 'wind'],
      model: { type: 'gradient_boosting', params: { maxIter: 10 } },
    });
    // The same file and spec: the same model quality as the published one.
    expect(training.metrics.rmse).toBeCloseTo(entry.training.metrics.rmse, 6);
    await api().get(`/api/v1/trainings/${training.id}`).set(alice.auth).expect(404);
  }, 120_000);

  it('lists, runs and deletes drafts over GraphQL with the same access rules', async () => {
    const bobProject = await project(bob, 'GraphQL forks');
    const bobData = await upload(bob, bobProject);
    const ridge = published.find((p) => p.entry.modelType === 'ridge')!;
    const forked = await api()
      .post(`/api/v1/gallery/${ridge.entry.id}/fork`)
      .set(bob.auth)
      .send({ projectId: bobProject })
      .expect(201);
    const gql = async <T>(user: TestUser, query: string, variables: object) =>
      (await api().post('/graphql').set(user.auth).send({ query, variables }).expect(200))
        .body as GqlReply<T>;
    const listed = await gql<{ drafts: Array<{ id: string; modelType: string; draft: string }> }>(
      bob,
      'query($p: ID!) { drafts(projectId: $p) { id modelType draft } }',
      { p: bobProject },
    );
    expect(listed.data?.drafts.map((d) => [d.id, d.modelType])).toEqual([
      [forked.body.id, 'ridge'],
    ]);
    expect(JSON.parse(listed.data!.drafts[0].draft)).toMatchObject({ dataSourceId: aliceData });
    const runDraft =
      'mutation($id: ID!, $in: RunDraftInput) { runDraft(id: $id, input: $in) { id projectId status } }';
    const refused = await gql(bob, runDraft, { id: forked.body.id });
    expect(refused.errors?.[0].extensions.code).toBe('failed_precondition');
    const hidden = await gql(alice, runDraft, { id: forked.body.id });
    expect(hidden.errors?.[0].extensions.code).toBe('not_found');
    const started = await gql<{ runDraft: { id: string; projectId: string } }>(bob, runDraft, {
      id: forked.body.id,
      in: { dataSourceId: bobData, version: 1 },
    });
    expect(started.errors).toBeUndefined();
    expect(started.data?.runDraft.projectId).toBe(bobProject);
    const deleted = await gql<{ deleteDraft: boolean }>(
      bob,
      'mutation($id: ID!) { deleteDraft(id: $id) }',
      { id: forked.body.id },
    );
    expect(deleted.data?.deleteDraft).toBe(true);
    await api().get(`/api/v1/drafts/${forked.body.id}`).set(bob.auth).expect(404);
    const after = await api().get(`/api/v1/projects/${bobProject}/drafts`).set(bob.auth);
    expect(after.body).toEqual([]);
  }, 120_000);

  it('takes a preset only from a FINISHED run (412 while running or after a failure)', async () => {
    const finished = published[0].training;
    const preset = await api()
      .post('/api/v1/presets')
      .set(alice.auth)
      .send({ name: `from-finished-${token}`, fromRunId: finished.runId })
      .expect(201);
    expect(preset.body).toMatchObject({ modelType: 'ridge', sourceRunId: finished.runId });
    const mlflow = (path: string, body: object) =>
      api().post(`/api/2.0/mlflow/${path}`).set(alice.auth).send(body);
    const created = await mlflow('runs/create', {
      experiment_id: finished.experimentId,
      start_time: Date.now(),
    }).expect(200);
    const runId = created.body.run.info.run_id as string;
    await mlflow('runs/log-parameter', { run_id: runId, key: 'model_type', value: 'ridge' }).expect(
      200,
    );
    await mlflow('runs/log-parameter', { run_id: runId, key: 'alpha', value: '0.5' }).expect(200);
    const fromRunning = await api()
      .post('/api/v1/presets')
      .set(alice.auth)
      .send({ name: `from-running-${token}`, fromRunId: runId });
    expect(fromRunning.status).toBe(412);
    expect(fromRunning.body.message).toMatch(/is RUNNING: a preset is taken only from a FINISHED/);
    await mlflow('runs/update', { run_id: runId, status: 'FAILED', end_time: Date.now() }).expect(
      200,
    );
    const fromFailed = await api()
      .post('/api/v1/presets')
      .set(alice.auth)
      .send({ name: `from-failed-${token}`, fromRunId: runId });
    expect(fromFailed.status).toBe(412);
    expect(fromFailed.body.message).toMatch(/is FAILED/);
    await mlflow('runs/update', { run_id: runId, status: 'FINISHED' }).expect(200);
    const fromDone = await api()
      .post('/api/v1/presets')
      .set(alice.auth)
      .send({ name: `from-done-${token}`, fromRunId: runId })
      .expect(201);
    expect(fromDone.body.params).toMatchObject({ alpha: 0.5 });
  });
});
