import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

const run = promisify(execFile);
const WALKTHROUGH = fileURLToPath(
  new URL('../../scripts/features-walkthrough.sh', import.meta.url),
);

describe('feature engineering and fusion steps in studio sessions', () => {
  let stack: Stack;
  let owner: TestUser;
  let projectId: string;

  beforeAll(async () => {
    // A low join ceiling (the walk-through's join makes 1461 rows): a step's maxRows cannot raise it.
    stack = await startStack({ JOIN_MAX_ROWS: '2000' });
    owner = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Fusion' })
      .expect(201);
    projectId = project.body.id;
  }, 60_000);
  afterAll(() => stack.close());

  async function upload(csv: string, name: string): Promise<string> {
    const res = await request(stack.baseUrl)
      .post(`/api/v1/projects/${projectId}/data-sources`)
      .set(owner.auth)
      .field('name', name)
      .attach('file', Buffer.from(csv), `${name}.csv`)
      .expect(201);
    expect((await waitForJob(stack.baseUrl, owner, res.body.job.id)).status).toBe('succeeded');
    return res.body.dataSource.id as string;
  }

  function step(sessionId: string, op: string, params: Record<string, unknown>) {
    return request(stack.baseUrl)
      .post(`/api/v1/sessions/${sessionId}/steps`)
      .set(owner.auth)
      .send({ op, params });
  }

  it('runs the curl walk-through on Seattle weather: features, join, save, identical re-apply', async () => {
    const { stdout } = await run('bash', [WALKTHROUGH, stack.baseUrl], { timeout: 240_000 });
    expect(stdout).toContain('ok   6 steps applied');
    expect(stdout).toContain('ok   identical values in both saved versions (1461 rows)');
    expect(stdout).not.toContain('FAIL');
  }, 300_000);

  it('refuses an oversized join before running it, and a fused version lists both parents', async () => {
    const left = await upload('site,flow\ns1,1\ns1,2\ns2,3\n', 'flows');
    const right = await upload('site,basin\ns1,upper\ns1,upper-east\ns3,lower\n', 'sites');
    const session = await request(stack.baseUrl)
      .post('/api/v1/sessions')
      .set(owner.auth)
      .send({ dataSourceId: left, version: 1 })
      .expect(201);
    const id = session.body.id as string;
    const join = { right: { dataSourceId: right, version: 1 }, on: ['site'], how: 'left' };
    const refused = await step(id, 'fusion.join', { ...join, maxRows: 4 }).expect(400);
    expect(refused.body.message).toMatch(/about 5 rows, more than the limit of 4/);

    const joined = await step(id, 'fusion.join', join).expect(200);
    expect(joined.body.steps[0].params.report).toMatchObject({
      leftRows: 3,
      matchedLeft: 2,
      unmatchedLeft: 1,
      unmatchedRight: 1,
      estimatedRows: 5,
    });
    expect(joined.body.preview.rows.map((r: { basin: string | null }) => r.basin)).toEqual([
      'upper',
      'upper-east',
      'upper',
      'upper-east',
      null,
    ]);
    const save = await request(stack.baseUrl)
      .post(`/api/v1/sessions/${id}/save`)
      .set(owner.auth)
      .send({ target: 'new', projectId, name: 'flows with basins' })
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, save.body.id);
    expect(job.status).toBe('succeeded');
    const saved = job.result as { dataSourceId: string; version: number };
    const version = await request(stack.baseUrl)
      .get(`/api/v1/data-sources/${saved.dataSourceId}/versions/${saved.version}`)
      .set(owner.auth)
      .expect(200);
    expect(version.body.parents).toEqual(
      expect.arrayContaining([
        { dataSourceId: left, version: 1 },
        { dataSourceId: right, version: 1 },
      ]),
    );
  }, 120_000);

  it('checks a join on every apply and replay: no trusted report, no maxRows above the ceiling', async () => {
    const rows = (n: number, site: string) =>
      Array.from({ length: n }, (_, i) => `${site},${i}`).join('\n') + '\n';
    const small = await upload(`site,flow\n${rows(2, 's1')}`, 'few flows');
    const big = await upload(`site,flow\n${rows(50, 's1')}`, 'many flows');
    const right = await upload(`site,level\n${rows(50, 's1')}`, 'levels');
    const openOn = async (dataSourceId: string) =>
      (
        await request(stack.baseUrl)
          .post('/api/v1/sessions')
          .set(owner.auth)
          .send({ dataSourceId, version: 1 })
          .expect(201)
      ).body.id as string;
    const join = { right: { dataSourceId: right, version: 1 }, on: ['site'], maxRows: 200 };
    const id = await openOn(small);
    const forged = { ...join, maxRows: 50, report: { estimatedRows: 1 } };
    const refused = await step(id, 'fusion.join', forged).expect(400);
    expect(refused.body.message).toMatch(/about 100 rows, more than the limit of 50/);
    await step(id, 'fusion.join', join).expect(200);
    const recipe = await request(stack.baseUrl)
      .get(`/api/v1/sessions/${id}/recipe`)
      .set(owner.auth)
      .expect(200);
    expect(recipe.body.steps[0].params.report).toMatchObject({ estimatedRows: 100 });
    const replay = await request(stack.baseUrl)
      .post(`/api/v1/sessions/${await openOn(big)}/recipe`)
      .set(owner.auth)
      .send(recipe.body)
      .expect(400);
    expect(replay.body.message).toMatch(/about 2500 rows, more than the limit of 200/);
    const unbounded = await step(await openOn(big), 'fusion.join', {
      ...join,
      maxRows: 1_000_000,
    }).expect(400);
    expect(unbounded.body.message).toMatch(/about 2500 rows, more than the limit of 2000/);
  }, 120_000);
});
