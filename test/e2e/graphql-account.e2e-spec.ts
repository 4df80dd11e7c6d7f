import request from 'supertest';
import { makeUser, TEST_PASSWORD } from '@hydroml/testing';
import { startOfRateWindow } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('accounts and API tokens over GraphQL', () => {
  let stack: Stack;
  const gql = (query: string, variables: object = {}, headers: Record<string, string> = {}) =>
    request(stack.baseUrl).post('/graphql').set(headers).send({ query, variables });

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('registers, logs in, manages tokens and refreshes, as REST does', async () => {
    const dto = makeUser();
    const reg = await gql('mutation($i: RegisterInput!) { register(input: $i) { id username } }', {
      i: dto,
    });
    expect(reg.body.data.register.username).toBe(dto.username);
    const login = await gql(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken expiresIn } }',
      {
        i: { login: dto.email, password: TEST_PASSWORD },
      },
    );
    const { accessToken, refreshToken } = login.body.data.login;
    const auth = { Authorization: `Bearer ${accessToken}` };
    const created = await gql(
      'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret token { id scopes } } }',
      { i: { name: 'gql', scopes: ['read'] } },
      auth,
    );
    expect(created.body.data.createApiToken.token.scopes).toEqual(['read']);
    const listed = await gql('{ apiTokens { name revokedAt } }', {}, auth);
    expect(listed.body.data.apiTokens).toEqual([{ name: 'gql', revokedAt: null }]);
    const revoke = await gql(
      'mutation($id: ID!) { revokeApiToken(id: $id) }',
      { id: created.body.data.createApiToken.token.id },
      auth,
    );
    expect(revoke.body.data.revokeApiToken).toBe(true);
    const me = await gql(
      'mutation { updateMe(input: { displayName: "Ann" }) { displayName } }',
      {},
      auth,
    );
    expect(me.body.data.updateMe.displayName).toBe('Ann');
    const refreshed = await gql(
      'mutation($t: String!) { refresh(refreshToken: $t) { refreshToken } }',
      { t: refreshToken },
    );
    expect(refreshed.body.data.refresh.refreshToken).not.toBe(refreshToken);
    const reused = await gql(
      'mutation($t: String!) { refresh(refreshToken: $t) { refreshToken } }',
      { t: refreshToken },
    );
    expect(reused.body.errors[0].extensions.code).toBe('unauthenticated');
  });

  it('validates inputs with the same rules and counts failed logins toward the same limit', async () => {
    const weak = await gql('mutation($i: RegisterInput!) { register(input: $i) { id } }', {
      i: makeUser({ password: 'short1' }),
    });
    expect(weak.body.errors[0].extensions).toMatchObject({ code: 'invalid_argument', status: 400 });
    await startOfRateWindow();
    const client = { 'X-Forwarded-For': '198.51.100.9' };
    const codes: string[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await gql(
        'mutation { login(input: { login: "ghost", password: "wrong-123456" }) { accessToken } }',
        {},
        client,
      );
      codes.push(res.body.errors[0].extensions.code as string);
    }
    expect(codes.slice(0, 10).every((c) => c === 'unauthenticated')).toBe(true);
    expect(codes[10]).toBe('resource_exhausted');
    const rest = await request(stack.baseUrl)
      .post('/api/v1/auth/login')
      .set(client)
      .send({ login: 'ghost', password: 'wrong-123456' });
    expect(rest.status).toBe(429);
  });
});
