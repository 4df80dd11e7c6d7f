import request from 'supertest';
import type { TestUser } from './client.js';
import { uploadGridSeries } from './grid-series.js';
import { startStack, type Stack } from './stack.js';

describe('Chart data through the gateway', () => {
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

  it('refuses unknown columns and kinds, and answers 404 to another tenant', async () => {
    await chart('histogram', { column: 'c' }).expect(400);
    await chart('histogram', { column: "k'); COPY data TO '/tmp/x" }).expect(400);
    await chart('pie', { column: 'c' }).expect(400);
    await chart('histogram', { column: 'k' }, stranger).expect(404);
  });
});
