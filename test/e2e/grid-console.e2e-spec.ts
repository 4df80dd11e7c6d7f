import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

/** 1,000 rows: t (timestamp), a and b (correlated floats, some a blank), c (text), k (integer). */
function csv(): Buffer {
  const lines = ['t,a,b,c,k'];
  for (let i = 0; i < 1000; i += 1) {
    const t = new Date(Date.UTC(2021, 0, 1) + i * 3600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const a = i % 25 === 0 ? '' : String(i / 10);
    lines.push(`${t},${a},${(2 * i) / 10 + (i % 7)},cat${i % 30},${i}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

describe('SQL console and chart data through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let target: { dataSourceId: string; version: number };

  beforeAll(async () => {
    stack = await startStack();
    [owner, viewer, stranger] = [
      await signUp(stack.baseUrl),
      await signUp(stack.baseUrl),
      await signUp(stack.baseUrl),
    ];
    const api = request(stack.baseUrl);
    const project = await api.post('/api/v1/projects').set(owner.auth).send({ name: 'Console' });
    await api
      .post(`/api/v1/projects/${project.body.id}/members`)
      .set(owner.auth)
      .send({ user: viewer.user.email, role: 'viewer' })
      .expect(201);
    const upload = await api
      .post(`/api/v1/projects/${project.body.id}/data-sources`)
      .set(owner.auth)
      .attach('file', csv(), 'series.csv')
      .expect(201);
    const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    if (job.status !== 'succeeded') throw new Error(`ingestion failed: ${JSON.stringify(job)}`);
    target = { dataSourceId: upload.body.dataSource.id, version: 1 };
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

  const chart = (kind: string, body: object, user: TestUser = owner) =>
    request(stack.baseUrl)
      .post(`/api/v1/charts/${kind}`)
      .set(user.auth)
      .send({ ...target, ...body });

  it('bins a histogram and summarises box plots', async () => {
    const h = await chart('histogram', { column: 'k', size: 10 }).expect(200);
    expect(h.body.counts).toHaveLength(10);
    expect(h.body.counts.reduce((s: number, n: number) => s + n, 0)).toBe(1000);
    expect(h.body.edges).toHaveLength(11);
    const b = await chart('box', { columns: ['a', 'k'] }, viewer).expect(200);
    expect(b.body.boxes[1]).toMatchObject({
      name: 'k',
      count: 1000,
      min: 0,
      max: 999,
      median: 499.5,
    });
    expect(b.body.boxes[0].count).toBe(960);
  });

  it('samples scatter points and downsamples a time series to the cap', async () => {
    const s = await chart('scatter', { x: 'a', y: 'b', size: 100 }).expect(200);
    expect(s.body).toMatchObject({ total: 960, sampled: true });
    expect(s.body.x).toHaveLength(100);
    const l = await chart('line', { x: 't', columns: ['b'], size: 200 }).expect(200);
    expect(l.body.downsampled).toBe(true);
    expect(l.body.series[0].y.length).toBeLessThanOrEqual(200);
    expect(l.body.series[0].y.length).toBeGreaterThan(100);
    expect(Math.max(...l.body.series[0].y)).toBeCloseTo(199.8 + (999 % 7), 5);
  });

  it('folds bars beyond the top k into other, honouring a filter model', async () => {
    const res = await chart('bar', { column: 'c', size: 5 }).expect(200);
    expect(res.body.labels).toHaveLength(5);
    expect(res.body.values.reduce((s: number, n: number) => s + n, 0) + res.body.other).toBe(1000);
    expect(res.body.otherCategories).toBe(25);
    const filtered = await chart('bar', {
      column: 'c',
      filterModel: { c: { filterType: 'set', values: ['cat1', 'cat2'] } },
    }).expect(200);
    expect(filtered.body).toMatchObject({ labels: ['cat1', 'cat2'], values: [34, 34], other: 0 });
  });

  it('computes Pearson and Spearman correlations and the missing-value matrix', async () => {
    const p = await chart('correlation', { columns: ['a', 'b', 'k'] }).expect(200);
    expect(p.body.matrix[0][2]).toBeCloseTo(1, 5);
    expect(p.body.matrix[0][1]).toBeGreaterThan(0.99);
    const s = await chart('correlation', { columns: ['a', 'k'], method: 'spearman' }).expect(200);
    expect(s.body.matrix[0][1]).toBeCloseTo(1, 5);
    const m = await chart('missing', { size: 10 }).expect(200);
    expect(m.body.columns).toEqual(['t', 'a', 'b', 'c', 'k']);
    expect(m.body.nulls).toEqual([0, 40, 0, 0, 0]);
    expect(m.body.bands).toHaveLength(10);
    expect(m.body.bands[0][1]).toBeCloseTo(0.04, 5);
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

  it('refuses unknown columns and kinds, and answers 404 to another tenant', async () => {
    await chart('histogram', { column: 'c' }).expect(400);
    await chart('histogram', { column: "k'); COPY data TO '/tmp/x" }).expect(400);
    await chart('pie', { column: 'c' }).expect(400);
    await chart('histogram', { column: 'k' }, stranger).expect(404);
  });
});
