import type { RecipeExport } from '@hydroml/contracts';
import { signUp, waitForJob, type TestUser } from './client.js';
import type { Stack } from './stack.js';
import { studioHarness } from './studio-harness.js';

/** Ten steps from different families, as in the curl scenario. */
const TEN_STEPS = [
  { op: 'missing.to_null', params: { column: 'Humidity', values: ['#N/A'] } },
  { op: 'columns.cast', params: { column: 'Humidity', to: 'integer' } },
  { op: 'columns.cast', params: { column: 'Temperature', to: 'float' } },
  { op: 'missing.fill', params: { column: 'Temperature', method: 'mean' } },
  { op: 'rows.drop_missing', params: { columns: ['Date'] } },
  { op: 'formula.column', params: { expression: "if(Rainfall > 2, 'wet', 'dry')", as: 'wetness' } },
  { op: 'dates.extract', params: { column: 'Date', part: 'water_year' } },
  { op: 'text.case', params: { column: 'wetness', to: 'upper' } },
  { op: 'missing.fill', params: { column: 'Flow_Rate', method: 'interpolate', orderBy: 'Date' } },
  { op: 'columns.rename', params: { mapping: { Flow_Rate: 'flow' } } },
];

interface GqlReply {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('studio sessions through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;
  let dataSourceId: string;
  const { api, upload, open, step, start } = studioHarness();

  beforeAll(async () => {
    ({ stack, owner, projectId, dataSourceId } = await start());
  }, 60_000);
  afterAll(() => stack.close());
  it('applies ten steps, undoes, redoes, edits, saves a version and replays the recipe', async () => {
    const session = await open(owner);
    expect(session).toMatchObject({ head: 0, steps: [] });
    expect(session.preview.rows).toHaveLength(10);
    let state = session;
    for (const s of TEN_STEPS) state = await step(session.id, s.op, s.params);
    expect(state.head).toBe(10);
    expect(state.schema.map((c) => c.name)).toEqual([
      ...['Date', 'Temperature', 'Humidity', 'Rainfall', 'flow', 'wetness', 'Date_water_year'],
    ]);
    expect(state.preview.rows).toHaveLength(9);
    expect(state.steps[3].params.fitted).toBeCloseTo(25.2375, 3);
    expect(state.preview.rows[1]).toMatchObject({
      Temperature: 25.2375,
      wetness: 'WET',
      Date_water_year: 2023,
    });
    expect(state.preview.rows[3].flow).toBeCloseTo(125.55, 6);

    for (let i = 0; i < 3; i += 1) {
      state = (await api().post(`/api/v1/sessions/${session.id}/undo`).set(owner.auth).expect(200))
        .body;
    }
    expect(state).toMatchObject({ head: 7 });
    state = (await api().post(`/api/v1/sessions/${session.id}/redo`).set(owner.auth).expect(200))
      .body;
    expect(state).toMatchObject({ head: 8 });
    expect(state.steps).toHaveLength(10);
    state = (
      await api()
        .patch(`/api/v1/sessions/${session.id}/steps/5`)
        .set(owner.auth)
        .send({ params: { expression: "if(Rainfall >= 3, 'wet', 'dry')", as: 'wetness' } })
        .expect(200)
    ).body;
    expect(state.preview.rows.map((r) => r.wetness)).toEqual([
      ...['DRY', 'DRY', 'WET', 'DRY', 'DRY', 'DRY', 'WET', 'DRY', 'DRY'],
    ]);

    const page = await api()
      .post(`/api/v1/sessions/${session.id}/rows`)
      .set(owner.auth)
      .send({ startRow: 0, endRow: 3, sortModel: [{ colId: 'Temperature', sort: 'desc' }] })
      .expect(200);
    expect(page.body.rowCount).toBe(9);
    expect(page.body.rowData[0]).toMatchObject({ Temperature: 27.3 });

    const save = await api()
      .post(`/api/v1/sessions/${session.id}/save`)
      .set(owner.auth)
      .send({})
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, save.body.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { version: 2, rows: 9 } });
    const saved = await api()
      .get(`/api/v1/data-sources/${dataSourceId}/versions/2`)
      .set(owner.auth)
      .expect(200);
    expect(saved.body).toMatchObject({
      origin: 'prepared',
      rows: 9,
      parents: [{ dataSourceId, version: 1 }],
      recipe: { base: { dataSourceId, version: 1 }, sessionId: session.id },
    });
    expect(saved.body.recipe.steps).toHaveLength(8);
    expect(saved.body.schema.map((c: { name: string }) => c.name)).toContain('Date_water_year');

    const recipe = (
      await api().get(`/api/v1/sessions/${session.id}/recipe`).set(owner.auth).expect(200)
    ).body as RecipeExport;
    expect(recipe).toMatchObject({ format: 'hydroml.recipe', base: { version: 1 } });
    expect(recipe.steps).toHaveLength(8);
    const other = await upload(owner, 'Hydro again');
    const replay = await open(owner, other);
    const applied = await api()
      .post(`/api/v1/sessions/${replay.id}/recipe`)
      .set(owner.auth)
      .send(recipe)
      .expect(200);
    expect(applied.body).toMatchObject({ head: 8 });
    expect(applied.body.preview.rows).toEqual(state.preview.rows);
    // The 8 applied steps never touch Flow_Rate (the interpolation and the rename were undone).
    expect(recipe.inputSchema.map((c) => c.name)).toEqual([
      'Date',
      'Temperature',
      'Humidity',
      'Rainfall',
    ]);

    const textRain = await api()
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', 'Text rain')
      .attach(
        'file',
        Buffer.from('Date,Temperature,Humidity,Rainfall,Flow_Rate\n2023-01-01,1,2,heavy,3\n'),
        'rain.csv',
      )
      .expect(201);
    await waitForJob(stack.baseUrl, owner, textRain.body.job.id);
    const misfit = await open(owner, textRain.body.dataSource.id);
    const refused = await api()
      .post(`/api/v1/sessions/${misfit.id}/recipe`)
      .set(owner.auth)
      .send(recipe)
      .expect(400);
    expect(refused.body.message).toMatch(/"Rainfall" is string here, the recipe expects float/);
  });
  it('names the step and column that break, and keeps the session as it was', async () => {
    const session = await open(owner);
    const bad = await api()
      .post(`/api/v1/sessions/${session.id}/steps`)
      .set(owner.auth)
      .send({ op: 'text.trim', params: { column: 'Rainfall' } })
      .expect(400);
    expect(bad.body.message).toMatch(/step 1 \(text.trim\): column "Rainfall" is float/);
    const formula = await api()
      .post(`/api/v1/sessions/${session.id}/steps`)
      .set(owner.auth)
      .send({ op: 'formula.column', params: { expression: 'Rainfall + * 2', as: 'x' } })
      .expect(400);
    expect(formula.body.message).toMatch(/at position 12/);
    await step(session.id, 'columns.rename', { mapping: { Rainfall: 'rain' } });
    await step(session.id, 'formula.column', { expression: 'rain * 2', as: 'double_rain' });
    const broken = await api()
      .delete(`/api/v1/sessions/${session.id}/steps/0`)
      .set(owner.auth)
      .expect(400);
    expect(broken.body.message).toMatch(/step 1 \(formula.column\): column "rain" does not exist/);
    const kept = await api().get(`/api/v1/sessions/${session.id}`).set(owner.auth).expect(200);
    expect(kept.body).toMatchObject({ head: 2 });
    const jumped = await api()
      .post(`/api/v1/sessions/${session.id}/head`)
      .set(owner.auth)
      .send({ index: 1 })
      .expect(200);
    expect(jumped.body.schema.map((c: { name: string }) => c.name)).toContain('rain');
    expect(jumped.body.schema.map((c: { name: string }) => c.name)).not.toContain('double_rain');
    const reset = await api()
      .post(`/api/v1/sessions/${session.id}/reset`)
      .set(owner.auth)
      .expect(200);
    expect(reset.body).toMatchObject({ head: 0, steps: [] });
  });
  it('keeps both of two concurrent step applications', async () => {
    const session = await open(owner);
    const [a, b] = await Promise.all([
      api()
        .post(`/api/v1/sessions/${session.id}/steps`)
        .set(owner.auth)
        .send({ op: 'text.length', params: { column: 'Temperature', as: 'a' } }),
      api()
        .post(`/api/v1/sessions/${session.id}/steps`)
        .set(owner.auth)
        .send({ op: 'text.length', params: { column: 'Temperature', as: 'b' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const final = await api().get(`/api/v1/sessions/${session.id}`).set(owner.auth).expect(200);
    expect(final.body.head).toBe(2);
    expect(final.body.schema.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['a', 'b']),
    );
  });
  it('lists sessions, pages a head, lists its values, appends a recipe and saves over GraphQL', async () => {
    const gql = async (user: TestUser, query: string, variables: object) => {
      const res = await api().post('/graphql').set(user.auth).send({ query, variables });
      expect(res.status).toBe(200);
      return res.body as GqlReply;
    };
    const session = await open(owner);
    await step(session.id, 'rows.filter', {
      filterModel: { Rainfall: { filterType: 'number', type: 'greaterThan', filter: 1 } },
    });
    const listed = await gql(
      owner,
      `query ($ds: ID!) { sessions(dataSourceId: $ds) { id version head steps { op } } }`,
      { ds: dataSourceId },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.sessions).toContainEqual({
      id: session.id,
      version: 1,
      head: 1,
      steps: [{ op: 'rows.filter' }],
    });
    const read = await gql(
      owner,
      `query ($id: ID!, $request: StudioJSON) {
        sessionRows(id: $id, request: $request) { rowData rowCount }
        sessionColumnValues(id: $id, column: "Humidity", limit: 2) { values counts total offset limit }
      }`,
      {
        id: session.id,
        request: { startRow: 0, endRow: 2, sortModel: [{ colId: 'Rainfall', sort: 'desc' }] },
      },
    );
    expect(read.errors).toBeUndefined();
    const rest = await api()
      .post(`/api/v1/sessions/${session.id}/rows`)
      .set(owner.auth)
      .send({ startRow: 0, endRow: 2, sortModel: [{ colId: 'Rainfall', sort: 'desc' }] })
      .expect(200);
    expect(read.data?.sessionRows).toEqual(rest.body);
    expect(rest.body.rowCount).toBeGreaterThan(0);
    const values = await api()
      .get(`/api/v1/sessions/${session.id}/columns/Humidity/values?limit=2`)
      .set(owner.auth)
      .expect(200);
    expect(read.data?.sessionColumnValues).toEqual(values.body);

    const recipe = JSON.stringify({
      steps: [{ op: 'formula.column', params: { expression: 'Rainfall * 2', as: 'rain2' } }],
    });
    const appended = await gql(
      owner,
      `mutation ($id: ID!, $recipe: String!) {
        applySessionRecipe(id: $id, recipeJson: $recipe, mode: "append") { head steps { op } }
      }`,
      { id: session.id, recipe },
    );
    expect(appended.errors).toBeUndefined();
    expect(appended.data?.applySessionRecipe).toEqual({
      head: 2,
      steps: [{ op: 'rows.filter' }, { op: 'formula.column' }],
    });

    const stranger = await signUp(stack.baseUrl);
    const hidden = await gql(stranger, `query ($id: ID!) { sessionRows(id: $id) { rowCount } }`, {
      id: session.id,
    });
    expect(hidden.errors?.[0].extensions?.code).toBe('not_found');
    const save = `mutation ($id: ID!, $projectId: ID) {
      saveSession(id: $id, target: "new", projectId: $projectId, name: "Wet days")
    }`;
    const noProject = await gql(owner, save, { id: session.id });
    expect(noProject.errors?.[0].extensions?.code).toBe('invalid_argument');
    const saved = await gql(owner, save, { id: session.id, projectId });
    expect(saved.errors).toBeUndefined();
    const job = await waitForJob(stack.baseUrl, owner, saved.data?.saveSession as string);
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { version: 1, rows: rest.body.rowCount },
    });
    const created = (job.result as { dataSourceId: string }).dataSourceId;
    expect(created).not.toBe(dataSourceId);
    const v1 = await api()
      .get(`/api/v1/data-sources/${created}/versions/1`)
      .set(owner.auth)
      .expect(200);
    expect(v1.body).toMatchObject({
      parents: [{ dataSourceId, version: 1 }],
      recipe: { base: { dataSourceId, version: 1 }, sessionId: session.id },
    });
    expect(v1.body.schema.map((c: { name: string }) => c.name)).toContain('rain2');
  });
});
