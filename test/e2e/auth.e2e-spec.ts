import request from 'supertest';
import { makeUser, TEST_PASSWORD } from '@hydroml/testing';
import { signUp, startOfRateWindow } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('accounts through the gateway', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    stack = await startStack();
    api = request(stack.baseUrl);
  });
  afterAll(() => stack.close());

  it('registers, logs in and answers /auth/me', async () => {
    const { user, auth } = await signUp(stack.baseUrl);
    const me = await api.get('/api/v1/auth/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, email: user.email });
    expect(JSON.stringify(me.body)).not.toContain('password');
  });

  it('answers 409 for a taken username or email', async () => {
    const dto = makeUser();
    await api.post('/api/v1/auth/register').send(dto).expect(201);
    const sameName = await api
      .post('/api/v1/auth/register')
      .send({ ...makeUser(), username: dto.username });
    expect(sameName.status).toBe(409);
    expect(sameName.body).toMatchObject({ code: 'conflict', details: { field: 'username' } });
    const sameEmail = await api
      .post('/api/v1/auth/register')
      .send({ ...makeUser(), email: dto.email.toUpperCase() });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.details).toEqual({ field: 'email' });
  });

  it('answers 400 naming the rule for a weak password, and for unknown fields', async () => {
    const weak = await api.post('/api/v1/auth/register').send(makeUser({ password: 'short1' }));
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'invalid_argument', details: { rule: 'min_length' } });
    expect(weak.body.message).toMatch(/at least 10 characters/);
    const extra = await api.post('/api/v1/auth/register').send({ ...makeUser(), isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/isAdmin/);
  });

  it('answers a wrong password with a 401 that does not say which part was wrong', async () => {
    const dto = makeUser();
    await api.post('/api/v1/auth/register').send(dto).expect(201);
    const wrongPassword = await api
      .post('/api/v1/auth/login')
      .send({ login: dto.username, password: 'not-it-12345' });
    const unknownUser = await api
      .post('/api/v1/auth/login')
      .send({ login: 'nobody_here', password: 'not-it-12345' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownUser.body.message);
  });

  it('answers 429 after 10 failed logins in a minute from one client', async () => {
    await startOfRateWindow();
    const client = { 'X-Forwarded-For': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await api
        .post('/api/v1/auth/login')
        .set(client)
        .send({ login: 'nobody', password: 'wrong-pass-1' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const other = await api
      .post('/api/v1/auth/login')
      .set({ 'X-Forwarded-For': '203.0.113.78' })
      .send({ login: 'nobody', password: 'wrong-pass-1' });
    expect(other.status).toBe(401);
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const { tokens } = await signUp(stack.baseUrl);
    const first = await api
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(tokens.refreshToken);
    const reuse = await api
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: tokens.refreshToken });
    expect(reuse.status).toBe(401);
    // The whole family is revoked: the newest token no longer works either.
    const after = await api
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(after.status).toBe(401);
  });

  it('logs out a session and changes the password', async () => {
    const { user, tokens, auth } = await signUp(stack.baseUrl);
    await api.post('/api/v1/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(200);
    await api.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    const bad = await api
      .post('/api/v1/auth/me/password')
      .set(auth)
      .send({ currentPassword: 'nope-12345', newPassword: 'new-river-2025' });
    expect(bad.status).toBe(401);
    await api
      .post('/api/v1/auth/me/password')
      .set(auth)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'new-river-2025' })
      .expect(200);
    await api
      .post('/api/v1/auth/login')
      .send({ login: user.email, password: 'new-river-2025' })
      .expect(200);
    const updated = await api
      .patch('/api/v1/auth/me')
      .set(auth)
      .send({ displayName: 'Ann River' })
      .expect(200);
    expect(updated.body.displayName).toBe('Ann River');
  });
});
