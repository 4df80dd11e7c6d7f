import { Redis } from 'ioredis';
import request from 'supertest';
import { signUp, type TestUser } from './client.js';
import { uploadShared } from './grid-series.js';
import { startStack, type Stack } from './stack.js';

const RIVERS = ['Rhine', 'Rhône', 'Danube', "O'Neill; DROP", ''];

/** 300 rows: river (text with a quote and a blank), flow (float, some empty), day (date), n. */
function riversCsv(): Buffer {
  const lines = ['river,flow,day,n'];
  for (let i = 0; i < 300; i += 1) {
    const river = RIVERS[i % RIVERS.length];
    const flow = i % 10 === 0 ? '' : String((i * 37) % 101) + '.5';
    const day = `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`"${river}",${flow},${day},${i}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

describe('grid through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let rowsPath: string;
  let base: string;
  let projectId: string;

  beforeAll(async () => {
    stack = await startStack();
    const shared = await uploadShared(stack, riversCsv(), 'rivers.csv', 'Grid');
    ({ owner, viewer, stranger, projectId } = shared);
    base = `/api/v1/data-sources/${shared.target.dataSourceId}/versions/1`;
    rowsPath = `${base}/rows`;
  }, 90_000);
  afterAll(() => stack.close());

  const post = (user: TestUser, body: object) =>
    request(stack.baseUrl).post(rowsPath).set(user.auth).send(body);

  it('pages with a two-column sort and two filters, and counts exactly', async () => {
    const body = {
      startRow: 0,
      endRow: 20,
      sortModel: [
        { colId: 'river', sort: 'asc' },
        { colId: 'flow', sort: 'desc' },
      ],
      filterModel: {
        flow: { filterType: 'number', type: 'greaterThan', filter: 50 },
        river: { filterType: 'text', type: 'contains', filter: 'rh' },
      },
    };
    const res = await post(owner, body).expect(200);
    expect(res.body.rowData).toHaveLength(20);
    expect(res.body.rowData[0]).not.toHaveProperty('__hydroml_rid');
    expect(res.body.rowData.every((r: { river: string }) => /rh/i.test(r.river))).toBe(true);
    const flows = res.body.rowData.filter((r: { river: string }) => r.river === 'Rhine');
    expect(flows.map((r: { flow: number }) => r.flow)).toEqual(
      [...flows.map((r: { flow: number }) => r.flow)].sort((a, b) => b - a),
    );
    const expected = Array.from({ length: 300 }, (_, i) => i).filter(
      (i) => i % 5 < 2 && i % 10 !== 0 && ((i * 37) % 101) + 0.5 > 50,
    ).length;
    expect(res.body.rowCount).toBe(expected);
    const again = await post(owner, body).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it('walks every page in order (seek pagination) and matches one big page', async () => {
    const sortModel = [
      { colId: 'flow', sort: 'asc' },
      { colId: 'river', sort: 'desc' },
    ];
    const all = await post(owner, { startRow: 0, endRow: 300, sortModel }).expect(200);
    const walked: unknown[] = [];
    for (let start = 0; start < 300; start += 50) {
      const page = await post(owner, { startRow: start, endRow: start + 50, sortModel }).expect(
        200,
      );
      walked.push(...page.body.rowData);
    }
    expect(walked).toEqual(all.body.rowData);
  });

  it('serves an unsorted deep page in file order with the total count', async () => {
    const page = await post(owner, { startRow: 250, endRow: 260 }).expect(200);
    expect(page.body.rowCount).toBe(300);
    expect(page.body.rowData.map((r: { n: string }) => Number(r.n))).toEqual([
      250, 251, 252, 253, 254, 255, 256, 257, 258, 259,
    ]);
  });

  it('serves group rows with aggregates, then the rows of one group', async () => {
    const group = {
      startRow: 0,
      endRow: 10,
      rowGroupCols: [{ id: 'river', field: 'river', displayName: 'river' }],
      valueCols: [{ id: 'n', field: 'n', aggFunc: 'sum', displayName: 'n' }],
      groupKeys: [],
      pivotCols: [],
      pivotMode: false,
    };
    const groups = await post(owner, group).expect(200);
    expect(groups.body.rowCount).toBe(5);
    const rhine = groups.body.rowData.find((r: { river: string }) => r.river === 'Rhine');
    expect(rhine).toMatchObject({ __hydroml_child_count: 60 });
    const leaves = await post(owner, { ...group, groupKeys: ['Rhine'] }).expect(200);
    expect(leaves.body.rowCount).toBe(60);
  });

  it('lists distinct values of a column, searchable and paged', async () => {
    const res = await request(stack.baseUrl)
      .get(`${base}/columns/river/values?search=RH&limit=10`)
      .set(viewer.auth)
      .expect(200);
    expect(res.body).toMatchObject({ values: ['Rhine', 'Rhône'], counts: [60, 60], total: 2 });
    await request(stack.baseUrl)
      .get(`${base}/columns/${encodeURIComponent('river"; --')}/values`)
      .set(owner.auth)
      .expect(400);
  });

  it('treats injection in filter values as plain values', async () => {
    for (const value of ["O'Neill; DROP", "'; DROP TABLE x; --", "read_csv('/etc/passwd')"]) {
      const res = await post(owner, {
        filterModel: { river: { filterType: 'set', values: [value] } },
      }).expect(200);
      expect(res.body.rowCount).toBe(value === "O'Neill; DROP" ? 60 : 0);
    }
  });

  it.each([
    [{ filterModel: { 'river" OR 1=1 --': { filterType: 'text', type: 'equals', filter: 'x' } } }],
    [{ filterModel: { ｒｉｖｅｒ: { filterType: 'text', type: 'equals', filter: 'x' } } }],
    [{ sortModel: [{ colId: 'flow; DROP TABLE t', sort: 'asc' }] }],
    [{ sortModel: [{ colId: 'flow', sort: 'asc; --' }] }],
    [{ sortModel: [{ colId: "read_csv('/etc/passwd')", sort: 'asc' }] }],
    [{ filterModel: { flow: { filterType: 'number', type: 'equals', filter: '1 OR 1=1' } } }],
    [{ rowGroupCols: [{ id: 'river/**/' }] }],
    [{ valueCols: [{ id: 'n', aggFunc: 'sum(1)); COPY' }], rowGroupCols: [{ id: 'river' }] }],
    [{ startRow: 0, endRow: 1_000_000 }],
  ])('refuses %j with 400', async (body) => {
    const res = await post(owner, body).expect(400);
    expect(res.body.code).toBe('invalid_argument');
  });

  it('serves the same rows and values over GraphQL', async () => {
    const id = base.split('/')[4];
    const query = `query ($id: ID!, $request: StudioJSON) {
      gridRows(dataSourceId: $id, version: 1, request: $request) { rowData rowCount }
      columnValues(dataSourceId: $id, version: 1, column: "river", search: "da") { values counts total }
    }`;
    const request_ = { startRow: 0, endRow: 2, sortModel: [{ colId: 'n', sort: 'desc' }] };
    const res = await request(stack.baseUrl)
      .post('/graphql')
      .set(viewer.auth)
      .send({ query, variables: { id, request: request_ } })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.gridRows.rowCount).toBe(300);
    expect(res.body.data.gridRows.rowData.map((r: { n: string }) => r.n)).toEqual(['299', '298']);
    expect(res.body.data.columnValues).toEqual({ values: ['Danube'], counts: [60], total: 1 });
  });

  describe('the Redis page cache', () => {
    let redis: Redis;
    beforeAll(() => {
      redis = new Redis(stack.env.REDIS_URL);
    });
    afterAll(() => redis.quit());

    /** The run's page keys (the stack's own key prefix) of one kind: `v` versions, `r` heads. */
    const pageKeys = async (kind: 'v' | 'r') =>
      new Set(await redis.keys(`${stack.env.REDIS_KEY_PREFIX}grid:page:${kind}:*`));
    /** Runs `call` and answers the page keys it added. */
    async function added(kind: 'v' | 'r', call: () => Promise<unknown>): Promise<string[]> {
      const before = await pageKeys(kind);
      await call();
      return [...(await pageKeys(kind))].filter((k) => !before.has(k));
    }

    it('serves a repeated page from its Redis entry, not from DuckDB', async () => {
      const body = { startRow: 0, endRow: 7, sortModel: [{ colId: 'flow', sort: 'asc' }] };
      let first: request.Response | undefined;
      const keys = await added('v', async () => {
        first = await post(owner, body).expect(200);
      });
      expect(keys).toHaveLength(1);
      expect(JSON.parse((await redis.get(keys[0])) ?? 'null')).toEqual(first?.body);
      // A marker only the cache can answer: the repeated request returns it, so no query ran.
      const marker = { rowData: [{ n: 'from the cache' }], rowCount: -1 };
      await redis.set(keys[0], JSON.stringify(marker), 'KEEPTTL');
      expect((await post(viewer, body).expect(200)).body).toEqual(marker);
      expect((await post(stranger, body).expect(404)).body.rowCount).toBeUndefined();
      await redis.del(keys[0]);
      expect((await post(owner, body).expect(200)).body).toEqual(first?.body);
      expect(await redis.exists(keys[0])).toBe(1);
    });

    it('gives a session head a fresh key after an edit, so the next page shows the edit', async () => {
      const api = request(stack.baseUrl);
      const id = base.split('/')[4];
      const opened = await api
        .post('/api/v1/sessions')
        .set(owner.auth)
        .send({ dataSourceId: id, version: 1 })
        .expect(201);
      const sessionId = opened.body.id as string;
      const filter = (below: number) => ({
        op: 'rows.filter',
        params: { filterModel: { n: { filterType: 'number', type: 'lessThan', filter: below } } },
      });
      await api.post(`/api/v1/sessions/${sessionId}/steps`).set(owner.auth).send(filter(100));
      const page = { startRow: 0, endRow: 3, sortModel: [{ colId: 'n', sort: 'desc' }] };
      const rows = () => api.post(`/api/v1/sessions/${sessionId}/rows`).set(owner.auth).send(page);
      let before: request.Response | undefined;
      const [oldKey, ...more] = await added('r', async () => {
        before = await rows().expect(200);
      });
      expect(more).toEqual([]);
      const ns = (res?: request.Response) =>
        (res?.body as { rowData: Array<{ n: string }> }).rowData.map((r) => r.n);
      expect(before?.body.rowCount).toBe(100);
      expect(ns(before)).toEqual(['99', '98', '97']);
      expect(await added('r', () => rows().expect(200))).toEqual([]);
      await api
        .patch(`/api/v1/sessions/${sessionId}/steps/0`)
        .set(owner.auth)
        .send({ params: filter(10).params })
        .expect(200);
      let after: request.Response | undefined;
      const [newKey] = await added('r', async () => {
        after = await rows().expect(200);
      });
      expect(newKey).toBeDefined();
      expect(newKey).not.toBe(oldKey);
      expect(after?.body.rowCount).toBe(10);
      expect(ns(after)).toEqual(['9', '8', '7']);
      expect(JSON.parse((await redis.get(newKey)) ?? 'null')).toEqual(after?.body);
    });
  });

  it('answers 404 to another tenant and lets a viewer read', async () => {
    await post(stranger, { startRow: 0, endRow: 5 }).expect(404);
    await request(stack.baseUrl).get(`${base}/columns/river/values`).set(stranger.auth).expect(404);
    const res = await post(viewer, { startRow: 0, endRow: 5 }).expect(200);
    expect(res.body.rowCount).toBe(300);
  });

  it('forgets a remembered grant as soon as the membership ends', async () => {
    const api = request(stack.baseUrl);
    const guest = await signUp(stack.baseUrl);
    const members = `/api/v1/projects/${projectId}/members`;
    await api
      .post(members)
      .set(owner.auth)
      .send({ user: guest.user.email, role: 'viewer' })
      .expect(201);
    // Two reads: the second is answered with the grant data-tools remembered from the first.
    await post(guest, { startRow: 0, endRow: 5 }).expect(200);
    await post(guest, { startRow: 5, endRow: 10 }).expect(200);
    await api.delete(`${members}/${guest.user.id}`).set(owner.auth).expect(204);
    await post(guest, { startRow: 10, endRow: 15 }).expect(404);
    await api.get(`${base}/columns/river/values`).set(guest.auth).expect(404);
  });
});
