import request from 'supertest';
import { mariaSource, type MariaSource } from '../../services/connectors/test/source-databases.js';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('database connections through the gateway', () => {
  let stack: Stack;
  let maria: MariaSource;
  let alice: TestUser;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    [stack, maria] = await Promise.all([startStack(), mariaSource()]);
    api = request(stack.baseUrl);
    alice = await signUp(stack.baseUrl);
  });
  afterAll(async () => {
    await stack.close();
    await maria.drop();
  });

  it('creates, tests, browses and previews a MariaDB connection without ever returning the password', async () => {
    const body = {
      name: 'stations',
      type: 'mysql',
      host: '127.0.0.1',
      database: maria.database,
      user: maria.user,
      password: maria.password,
    };
    const created = await api.post('/api/v1/connections').set(alice.auth).send(body).expect(201);
    const id = created.body.id as string;
    const responses = [
      created,
      await api.get('/api/v1/connections').set(alice.auth).expect(200),
      await api.get(`/api/v1/connections/${id}`).set(alice.auth).expect(200),
      await api.post(`/api/v1/connections/${id}/test`).set(alice.auth).expect(200),
      await api.get(`/api/v1/connections/${id}/tables`).set(alice.auth).expect(200),
      await api.get(`/api/v1/connections/${id}/tables/stations`).set(alice.auth).expect(200),
      await api
        .post(`/api/v1/connections/${id}/preview`)
        .set(alice.auth)
        .send({ table: 'stations' })
        .expect(200),
      await api
        .patch(`/api/v1/connections/${id}`)
        .set(alice.auth)
        .send({ name: 'renamed' })
        .expect(200),
    ];
    for (const res of responses) expect(res.text).not.toContain(maria.password);
    expect(responses[3].body).toMatchObject({ ok: true });
    expect(responses[5].body.columns[0]).toEqual({
      name: 'code',
      type: 'varchar(16)',
      nullable: false,
      primaryKey: true,
    });
    expect(responses[6].body.rows).toHaveLength(2);
    const write = await api
      .post(`/api/v1/connections/${id}/preview`)
      .set(alice.auth)
      .send({ query: 'DELETE FROM stations' });
    expect(write.status).toBe(400);
    expect(write.body.message).toMatch(/single read-only SELECT/);
    const bob = await signUp(stack.baseUrl);
    await api.get(`/api/v1/connections/${id}`).set(bob.auth).expect(404);
    await api
      .post(`/api/v1/connections/${id}/preview`)
      .set(bob.auth)
      .send({ table: 'stations' })
      .expect(404);
    await api.delete(`/api/v1/connections/${id}`).set(alice.auth).expect(204);
    await api.get(`/api/v1/connections/${id}`).set(alice.auth).expect(404);
  });
});
