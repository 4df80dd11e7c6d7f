import { signUp, waitForJob, type TestUser } from './client.js';
import type { Stack } from './stack.js';
import { studioHarness } from './studio-harness.js';

describe('studio sessions: access, listing, new data sources, GraphQL', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const { api, open, step, start } = studioHarness();

  beforeAll(async () => {
    ({ stack, owner, projectId, dataSourceId } = await start());
  }, 60_000);
  afterAll(() => stack.close());
  it('lists sessions, pages set-filter values and saves the head as a new data source', async () => {
    const session = await open(owner);
    await step(session.id, 'missing.to_null', { column: 'Humidity', values: ['#N/A'] });
    const listed = await api()
      .get(`/api/v1/sessions?dataSourceId=${dataSourceId}`)
      .set(owner.auth)
      .expect(200);
    expect(listed.body.map((s: { id: string }) => s.id)).toContain(session.id);
    const values = await api()
      .get(`/api/v1/sessions/${session.id}/columns/Humidity/values?search=6`)
      .set(owner.auth)
      .expect(200);
    expect(JSON.stringify(values.body)).toContain('65');
    expect(JSON.stringify(values.body)).not.toContain('#N/A');
    const save = await api()
      .post(`/api/v1/sessions/${session.id}/save`)
      .set(owner.auth)
      .send({ target: 'new', projectId, name: 'Hydro cleaned' })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, save.body.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { version: 1, rows: 10 } });
    const created = job.result?.dataSourceId as string;
    expect(created).not.toBe(dataSourceId);
    const v1 = await api()
      .get(`/api/v1/data-sources/${created}/versions/1`)
      .set(owner.auth)
      .expect(200);
    expect(v1.body).toMatchObject({ origin: 'prepared', parents: [{ dataSourceId, version: 1 }] });
    for (let i = 0; i < 40; i += 1) {
      const ds = await api().get(`/api/v1/data-sources/${created}`).set(owner.auth).expect(200);
      if (ds.body.status === 'ready') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the new data source never became ready');
  });
  it('answers 404 to another tenant and lets viewers open but not save', async () => {
    const session = await open(owner);
    const stranger = await signUp(stack.baseUrl);
    await api().get(`/api/v1/sessions/${session.id}`).set(stranger.auth).expect(404);
    await api()
      .post(`/api/v1/sessions/${session.id}/steps`)
      .set(stranger.auth)
      .send({ op: 'rows.slice', params: { limit: 1 } })
      .expect(404);
    await api()
      .post('/api/v1/sessions')
      .set(stranger.auth)
      .send({ dataSourceId, version: 1 })
      .expect(404);
    await api()
      .post('/api/v1/projects/' + projectId + '/members')
      .set(owner.auth)
      .send({ user: stranger.user.username, role: 'viewer' })
      .expect(201);
    const mine = await open(stranger);
    await api()
      .post(`/api/v1/sessions/${mine.id}/steps`)
      .set(stranger.auth)
      .send({ op: 'rows.slice', params: { limit: 2 } })
      .expect(200);
    await api().post(`/api/v1/sessions/${mine.id}/save`).set(stranger.auth).send({}).expect(403);
  });
  it("lets only a session's creator change it; other members read it and get 404 on changes", async () => {
    const session = await open(owner);
    await step(session.id, 'rows.slice', { limit: 5 });
    await step(session.id, 'rows.slice', { limit: 4 });
    await api().post(`/api/v1/sessions/${session.id}/undo`).set(owner.auth).expect(200);
    const member = async (role: string) => {
      const user = await signUp(stack.baseUrl);
      await api()
        .post(`/api/v1/projects/${projectId}/members`)
        .set(owner.auth)
        .send({ user: user.user.username, role })
        .expect(201);
      return user;
    };
    const recipe = { steps: [{ op: 'rows.slice', params: { limit: 1 } }] };
    for (const other of [await member('editor'), await member('viewer')]) {
      const url = `/api/v1/sessions/${session.id}`;
      const changes = [
        api()
          .post(`${url}/steps`)
          .send({ op: 'rows.slice', params: { limit: 1 } }),
        api()
          .patch(`${url}/steps/0`)
          .send({ params: { limit: 2 } }),
        api().delete(`${url}/steps/0`),
        api().post(`${url}/undo`),
        api().post(`${url}/redo`),
        api().post(`${url}/head`).send({ index: 0 }),
        api().post(`${url}/reset`),
        api().post(`${url}/recipe`).send(recipe),
        api().post(`${url}/save`).send({}),
      ];
      for (const change of changes) await change.set(other.auth).expect(404);
      // Sessions are listed to every reader of the data source: reading one stays allowed.
      const read = await api().get(url).set(other.auth).expect(200);
      expect(read.body).toMatchObject({ head: 1, steps: [{ params: { limit: 5 } }, {}] });
      await api().post(`${url}/rows`).set(other.auth).send({ startRow: 0, endRow: 10 }).expect(200);
    }
    const unchanged = await api().get(`/api/v1/sessions/${session.id}`).set(owner.auth);
    expect(unchanged.body).toMatchObject({ head: 1 });
    expect(unchanged.body.steps).toHaveLength(2);
    await api().post(`/api/v1/sessions/${session.id}/redo`).set(owner.auth).expect(200);
  });
  it('mirrors sessions in GraphQL', async () => {
    const session = await open(owner);
    const gql = async (query: string, variables: object) => {
      const res = await api()
        .post('/graphql')
        .set(owner.auth)
        .send({ query, variables })
        .expect(200);
      expect(res.body.errors).toBeUndefined();
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- GraphQL data is untyped JSON
      return res.body.data;
    };
    const applied = await gql(
      `mutation($id: ID!, $p: String) { applySessionStep(id: $id, op: "dates.extract", paramsJson: $p) { head schema { name type } } }`,
      { id: session.id, p: JSON.stringify({ column: 'Date', part: 'month' }) },
    );
    expect(applied.applySessionStep.head).toBe(1);
    expect(applied.applySessionStep.schema.at(-1)).toEqual({ name: 'Date_month', type: 'integer' });
    const back = await gql(
      `mutation($id: ID!) { jumpSessionHead(id: $id, index: 0) { head steps { op } } }`,
      {
        id: session.id,
      },
    );
    expect(back.jumpSessionHead).toEqual({ head: 0, steps: [{ op: 'dates.extract' }] });
    const forward = await gql(
      `mutation($id: ID!) { moveSessionHead(id: $id, action: "redo") { head } }`,
      {
        id: session.id,
      },
    );
    expect(forward.moveSessionHead.head).toBe(1);
    const recipe = (await gql(`query($id: ID!) { sessionRecipe(id: $id) }`, { id: session.id }))
      .sessionRecipe;
    const other = await open(owner);
    const replayed = await gql(
      `mutation($id: ID!, $r: String!) { applySessionRecipe(id: $id, recipeJson: $r) { head previewJson } }`,
      { id: other.id, r: recipe },
    );
    expect(replayed.applySessionRecipe.head).toBe(1);
    expect(JSON.parse(replayed.applySessionRecipe.previewJson)[0]).toMatchObject({ Date_month: 1 });
    expect(
      (await gql(`mutation($id: ID!) { closeSession(id: $id) }`, { id: other.id })).closeSession,
    ).toBe(true);
    await api().get(`/api/v1/sessions/${other.id}`).set(owner.auth).expect(404);
  });
});
