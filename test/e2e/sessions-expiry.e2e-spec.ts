import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { signUp, waitForJob, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

const FIXTURE = fileURLToPath(
  new URL('../../services/data-tools/test/fixtures/problematic_hydro.csv', import.meta.url),
);

describe('idle studio sessions', () => {
  let stack: Stack;
  let owner: TestUser;

  beforeAll(async () => {
    // Read by data-tools' SessionsEnv at boot (this file's own process environment).
    process.env.SESSION_IDLE_TTL_SECONDS = '4';
    stack = await startStack();
    owner = await signUp(stack.baseUrl);
  }, 60_000);
  afterAll(async () => {
    delete process.env.SESSION_IDLE_TTL_SECONDS;
    await stack.close();
  });

  it('expire after the configured idle time, and use keeps them alive', async () => {
    const api = () => request(stack.baseUrl);
    const project = await api()
      .post('/api/v1/projects')
      .set(owner.auth)
      .send({ name: 'Idle' })
      .expect(201);
    const upload = await api()
      .post(`/api/v1/projects/${project.body.id}/data-sources`)
      .set(owner.auth)
      .field('name', 'Hydro')
      .attach('file', FIXTURE)
      .expect(201);
    await waitForJob(stack.baseUrl, owner, upload.body.job.id);
    const body = { dataSourceId: upload.body.dataSource.id, version: 1 };
    const idle = (await api().post('/api/v1/sessions').set(owner.auth).send(body).expect(201)).body;
    const used = (await api().post('/api/v1/sessions').set(owner.auth).send(body).expect(201)).body;
    // The used session is read every 300 ms, far inside the TTL even on a loaded machine, until the
    // idle one (never read: a read would keep it alive) is past its TTL.
    const idleUntil = Date.now() + 5_500;
    while (Date.now() < idleUntil) {
      await new Promise((r) => setTimeout(r, 300));
      await api().get(`/api/v1/sessions/${used.id}`).set(owner.auth).expect(200);
    }
    await api().get(`/api/v1/sessions/${idle.id}`).set(owner.auth).expect(404);
    await api().get(`/api/v1/sessions/${used.id}`).set(owner.auth).expect(200);
  }, 60_000);
});
