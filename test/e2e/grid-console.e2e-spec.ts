import request from 'supertest';
import { waitForJob, type TestUser } from './client.js';
import { uploadGridSeries } from './grid-series.js';
import { startStack, type Stack } from './stack.js';

describe('SQL console through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let target: { dataSourceId: string; version: number };

  beforeAll(async () => {
    stack = await startStack();
    ({ owner, viewer, stranger, target } = await uploadGridSeries(stack));
  }, 90_000);
  afterAll(() => stack.close());

  const sql = (user: TestUser, text: string, limit?: number) =>
    request(stack.baseUrl)
      .post('/api/v1/sql')
      .set(user.auth)
      .send({ ...target, sql: text, limit });

  it('runs a SELECT over the view "data" with columns, row limit and duration', async () => {
    const res = await sql(
      viewer,
      'WITH x AS (SELECT c, count(*) AS n FROM data GROUP BY c) SELECT * FROM x ORDER BY c',
      5,
    ).expect(200);
    expect(res.body.rows).toHaveLength(5);
    expect(res.body).toMatchObject({ rowCount: 5, truncated: true });
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(['c', 'n']);
    expect(res.body.rows[0]).toEqual({ c: 'cat0', n: '34' });
    expect(res.body.durationMs).toBeGreaterThanOrEqual(0);
    const all = await sql(owner, 'SELECT count(*) AS n FROM data').expect(200);
    expect(all.body.rows).toEqual([{ n: '1000' }]);
    expect(all.body.columns[0]).not.toMatchObject({ name: '__hydroml_rid' });
  });

  it.each([
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "COPY data TO '/tmp/leak.csv'",
    "ATTACH '/tmp/evil.db' AS evil",
    'INSTALL httpfs',
    'LOAD httpfs',
    'PRAGMA enable_external_access',
    'SET enable_external_access = true',
    'SELECT 1; DROP VIEW data',
    'CREATE TABLE t AS SELECT * FROM data',
    "SELECT * FROM glob('/etc/*')",
    'EXPLAIN SELECT * FROM data',
    'SELECT $1',
  ])('refuses %s with 400', async (text) => {
    const res = await sql(owner, text).expect(400);
    expect(res.body.code).toBe('invalid_argument');
  });

  it('keeps a history per user with duration and row count', async () => {
    await sql(stranger, 'SELECT 1').expect(404);
    const res = await request(stack.baseUrl)
      .get('/api/v1/sql/history?limit=100')
      .set(owner.auth)
      .expect(200);
    expect(res.body.length).toBeGreaterThan(5);
    const ok = res.body.find((e: { sql: string }) => e.sql === 'SELECT count(*) AS n FROM data');
    expect(ok).toMatchObject({ status: 'succeeded', rowCount: 1, ...target });
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
    expect(res.body.some((e: { status: string }) => e.status === 'failed')).toBe(true);
    const theirs = await request(stack.baseUrl)
      .get('/api/v1/sql/history')
      .set(stranger.auth)
      .expect(200);
    expect(theirs.body).toEqual([]);
  });

  it('saves a query result as a new version (editors), with its parent in the lineage', async () => {
    const body = { ...target, sql: 'SELECT c, sum(k) AS total FROM data GROUP BY c ORDER BY c' };
    await request(stack.baseUrl).post('/api/v1/sql/save').set(viewer.auth).send(body).expect(403);
    const bad = { ...target, sql: "SELECT * FROM read_csv('/etc/passwd')" };
    await request(stack.baseUrl).post('/api/v1/sql/save').set(owner.auth).send(bad).expect(400);
    const queued = await request(stack.baseUrl)
      .post('/api/v1/sql/save')
      .set(owner.auth)
      .send(body)
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, queued.body.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { version: 2, rows: 30 } });
    const v2 = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${target.dataSourceId}/versions/2`)
      .set(owner.auth)
      .expect(200);
    expect(v2.body).toMatchObject({ origin: 'prepared', parents: [target], rows: 30, columns: 2 });
    expect(v2.body.recipe).toEqual({ base: target, steps: [], query: body.sql });
  });

  it('saves a query result over GraphQL (editors only)', async () => {
    const query = `mutation ($sql: String!, $ds: ID!) {
      saveSqlResult(sql: $sql, dataSourceId: $ds, version: 1)
    }`;
    const variables = { sql: 'SELECT k FROM data WHERE k < 10', ds: target.dataSourceId };
    const gql = (user: TestUser) =>
      request(stack.baseUrl).post('/graphql').set(user.auth).send({ query, variables }).expect(200);
    expect((await gql(viewer)).body.errors[0].extensions.code).toBe('permission_denied');
    expect((await gql(stranger)).body.errors[0].extensions.code).toBe('not_found');
    const res = await gql(owner);
    expect(res.body.errors).toBeUndefined();
    const job = await waitForJob(stack.baseUrl, owner, res.body.data.saveSqlResult);
    expect(job).toMatchObject({ status: 'succeeded', result: { version: 3, rows: 10 } });
  });

  it('reads a session head in the console and in charts', async () => {
    const api = request(stack.baseUrl);
    const opened = await api.post('/api/v1/sessions').set(owner.auth).send(target).expect(201);
    const sessionId = opened.body.id as string;
    await api
      .post(`/api/v1/sessions/${sessionId}/steps`)
      .set(owner.auth)
      .send({
        op: 'rows.filter',
        params: { filterModel: { k: { filterType: 'number', type: 'lessThan', filter: 100 } } },
      })
      .expect(200);
    const res = await api
      .post('/api/v1/sql')
      .set(owner.auth)
      .send({ sessionId, sql: 'SELECT count(*) AS n, max(k) AS top FROM data' })
      .expect(200);
    expect(res.body.rows).toEqual([{ n: '100', top: '99' }]);
    const h = await api
      .post('/api/v1/charts/histogram')
      .set(owner.auth)
      .send({ sessionId, column: 'k', size: 4 })
      .expect(200);
    expect(h.body.counts).toEqual([25, 25, 25, 25]);
    await api
      .post('/api/v1/sql')
      .set(stranger.auth)
      .send({ sessionId, sql: 'SELECT 1' })
      .expect(404);
  });

  it('saves a console result over a session head, with the base version and recipe as lineage', async () => {
    const api = request(stack.baseUrl);
    const opened = await api.post('/api/v1/sessions').set(owner.auth).send(target).expect(201);
    const sessionId = opened.body.id as string;
    const steps = [
      {
        op: 'rows.filter',
        params: { filterModel: { k: { filterType: 'number', type: 'lessThan', filter: 50 } } },
      },
      { op: 'formula.column', params: { expression: 'k * 3', as: 'triple' } },
    ];
    for (const s of steps) {
      await api.post(`/api/v1/sessions/${sessionId}/steps`).set(owner.auth).send(s).expect(200);
    }
    const body = { sessionId, sql: 'SELECT k, triple FROM data WHERE k % 2 = 0 ORDER BY k' };
    // Only the session's creator saves from its head: other members, like strangers, get 404.
    await api.post('/api/v1/sql/save').set(viewer.auth).send(body).expect(404);
    await api.post('/api/v1/sql/save').set(stranger.auth).send(body).expect(404);
    const bad = { sessionId, sql: 'SELECT nope FROM data' };
    await api.post('/api/v1/sql/save').set(owner.auth).send(bad).expect(400);
    const queued = await api.post('/api/v1/sql/save').set(owner.auth).send(body).expect(202);
    // A later change of the session does not change what was saved.
    await api.post(`/api/v1/sessions/${sessionId}/undo`).set(owner.auth).expect(200);
    const job = await waitForJob(stack.baseUrl, owner, queued.body.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 25 } });
    const saved = (job.result as { version: number }).version;
    const version = await api
      .get(`/api/v1/data-sources/${target.dataSourceId}/versions/${saved}`)
      .set(owner.auth)
      .expect(200);
    expect(version.body).toMatchObject({
      origin: 'prepared',
      parents: [target],
      recipe: { base: target, sessionId, query: body.sql },
      rows: 25,
    });
    expect(version.body.recipe.steps.map((s: { op: string }) => s.op)).toEqual([
      'rows.filter',
      'formula.column',
    ]);
    const check = await api
      .post('/api/v1/sql')
      .set(owner.auth)
      .send({
        ...target,
        version: saved,
        sql: 'SELECT count(*) AS n, max(triple) AS top FROM data',
      })
      .expect(200);
    expect(check.body.rows).toEqual([{ n: '25', top: '144' }]);

    const gql = await api
      .post('/graphql')
      .set(owner.auth)
      .send({
        query: 'mutation ($id: ID!) { saveSqlResult(sessionId: $id, sql: "SELECT * FROM data") }',
        variables: { id: sessionId },
      })
      .expect(200);
    expect(gql.body.errors).toBeUndefined();
    const second = await waitForJob(stack.baseUrl, owner, gql.body.data.saveSqlResult);
    // The head now holds the filter only (after the undo): 50 rows, no derived column.
    expect(second).toMatchObject({ status: 'succeeded', result: { rows: 50 } });
  });
});
