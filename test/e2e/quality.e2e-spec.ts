import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { ProfileAlert, ProfileView } from '@hydroml/contracts';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

describe('data quality through the gateway', () => {
  let stack: Stack;
  let owner: TestUser;
  let stranger: TestUser;
  let dataSourceId: string;

  beforeAll(async () => {
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
    stranger = await signUp(stack.baseUrl);
    const project = await request(stack.baseUrl)
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Quality' })
      .expect(201);
    const upload = await request(stack.baseUrl)
      .post(`/api/v1/projects/${project.body.id}/data-sources`)
      .set(owner.auth)
      .field('name', 'Hydro')
      .attach('file', FIXTURE)
      .expect(201);
    dataSourceId = upload.body.dataSource.id;
    const job = await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    if (job.status !== 'succeeded') throw new Error(`upload failed: ${JSON.stringify(job.error)}`);
  }, 60_000);
  afterAll(() => stack.close());

  const base = () => `/api/v1/data-sources/${dataSourceId}/versions/1`;

  it('profiles a version as a job and finds the fixture problems', async () => {
    await request(stack.baseUrl).get(`${base()}/profile`).set(owner.auth).expect(404);
    const queued = await request(stack.baseUrl)
      .post(`${base()}/profile`)
      .set(owner.auth)
      .send({})
      .expect(202);
    const job = await waitForJob(stack.baseUrl, owner, queued.body.id);
    expect(job).toMatchObject({ status: 'succeeded', kind: 'quality-profile' });
    const res = await request(stack.baseUrl).get(`${base()}/profile`).set(owner.auth).expect(200);
    const profile = res.body as ProfileView;
    expect(profile.table).toMatchObject({ rows: 10, columns: 5 });
    const has = (type: ProfileAlert['type'], column?: string) =>
      profile.alerts.some((a) => a.type === type && a.column === column);
    expect(has('mixed_types', 'Temperature')).toBe(true);
    expect(has('null_like', 'Humidity')).toBe(true);
    expect(has('missing', 'Date')).toBe(true);
    expect(has('duplicates')).toBe(true);
    expect(
      profile.alerts.every(
        (a) => a.suggestion === null || typeof a.suggestion.step.op === 'string',
      ),
    ).toBe(true);
  });

  it('serves the profile report as self-contained HTML', async () => {
    const res = await request(stack.baseUrl)
      .get(`${base()}/profile/report.html`)
      .set(owner.auth)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<!doctype html>');
    expect(res.text).toContain('Temperature');
    expect(res.text).not.toMatch(/<(script|link)[^>]+(src|href)=/i);
  });

  it("answers 404 for another tenant's profile", async () => {
    await request(stack.baseUrl).get(`${base()}/profile`).set(stranger.auth).expect(404);
    await request(stack.baseUrl).post(`${base()}/profile`).set(stranger.auth).send({}).expect(404);
    await request(stack.baseUrl)
      .get(`${base()}/profile/report.html`)
      .set(stranger.auth)
      .expect(404);
  });
});
