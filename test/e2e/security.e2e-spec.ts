import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import pg from 'pg';
import request from 'supertest';
import { AuthContracts, type ProjectView, type Scope } from '@hydroml/contracts';
import { connectTestNats } from '@hydroml/testing';
import { AuthEnv } from '../../services/auth/src/auth-env.js';
import { decryptText } from '../../services/auth/src/keys/domain/key-cipher.js';
import { signUp, type TestUser } from './client.js';
import { startStack, type Stack } from './stack.js';

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('tokens and hostile input at the gateway', () => {
  let stack: Stack;
  let api: ReturnType<typeof request>;
  let alice: TestUser;

  beforeAll(async () => {
    stack = await startStack({ ACCESS_TOKEN_TTL_SECONDS: '60' });
    api = request(stack.baseUrl);
    alice = await signUp(stack.baseUrl);
  });
  afterAll(() => stack.close());

  it('rejects a tampered, a foreign-signed and an alg:none JWT with 401', async () => {
    const [header, payload, signature] = alice.tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const tampered = `${header}.${b64({ ...claims, username: 'root' })}.${signature}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const { privateKey } = await generateKeyPair('ES256');
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({
        alg: 'ES256',
        kid: JSON.parse(Buffer.from(header, 'base64url').toString()).kid,
      })
      .sign(privateKey);
    for (const token of [tampered, none, foreign, 'garbage']) {
      const res = await api.get('/api/v1/projects').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it('rejects an expired JWT signed with the real key with 401', async () => {
    const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ id: string; private_jwk_encrypted: string }>(
      'SELECT id, private_jwk_encrypted FROM auth.signing_keys WHERE rotated_at IS NULL',
    );
    await db.end();
    const jwk = JSON.parse(
      decryptText(rows[0].private_jwk_encrypted, new AuthEnv().AUTH_KEY_ENCRYPTION_SECRET),
    ) as JWK;
    const expired = await new SignJWT({ username: alice.user.username })
      .setProtectedHeader({ alg: 'ES256', kid: rows[0].id })
      .setSubject(alice.user.id)
      .setIssuer('hydroml-auth')
      .setAudience('hydroml')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(await importJWK(jwk, 'ES256'));
    const res = await api.get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('access token expired');
  });

  it('accepts an API token wherever a JWT works, and rejects it once revoked', async () => {
    const created = await api
      .post('/api/v1/auth/tokens')
      .set(alice.auth)
      .send({ name: 'ci', scopes: ['read', 'write'] })
      .expect(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^hml_/);
    const asToken = { Authorization: `Bearer ${secret}` };
    const made = await api
      .post('/api/v1/projects')
      .set(asToken)
      .send({ name: 'From a script' })
      .expect(201);
    expect(made.body.ownerId).toBe(alice.user.id);
    const listed = await api.get('/api/v1/auth/tokens').set(alice.auth).expect(200);
    expect(listed.body[0]).toMatchObject({
      name: 'ci',
      scopes: ['read', 'write'],
      revokedAt: null,
    });
    expect(listed.body[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    await api.delete(`/api/v1/auth/tokens/${created.body.token.id}`).set(alice.auth).expect(204);
    const after = await api.get('/api/v1/projects').set(asToken);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/revoked/);
  });

  it('forgets a cached API token when auth announces its revocation (as other replicas would)', async () => {
    const created = await api
      .post('/api/v1/auth/tokens')
      .set(alice.auth)
      .send({ name: 'elsewhere', scopes: ['read'] })
      .expect(201);
    const asToken = { Authorization: `Bearer ${created.body.secret as string}` };
    await api.get('/api/v1/projects').set(asToken).expect(200); // now cached by the gateway
    const nats = await connectTestNats(stack.env.NATS_SUBJECT_PREFIX);
    const principal = {
      userId: alice.user.id,
      username: alice.user.username,
      scopes: ['read', 'write'] as Scope[],
      via: 'jwt' as const,
    };
    await nats.request(
      AuthContracts.revokeToken,
      { id: created.body.token.id as string },
      { correlationId: 'e2e', principal },
    );
    await nats.connection.close();
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i += 1) {
      status = (await api.get('/api/v1/projects').set(asToken)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 25));
    }
    expect(status).toBe(401);
  });

  it('rejects an expired API token and answers 403 to a read token on a write', async () => {
    const past = await api
      .post('/api/v1/auth/tokens')
      .set(alice.auth)
      .send({ name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    const read = await api
      .post('/api/v1/auth/tokens')
      .set(alice.auth)
      .send({ name: 'ro', scopes: ['read'] })
      .expect(201);
    const ro = { Authorization: `Bearer ${read.body.secret as string}` };
    await api.get('/api/v1/projects').set(ro).expect(200);
    const write = await api.post('/api/v1/projects').set(ro).send({ name: 'nope' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('permission_denied');
    const mint = await api
      .post('/api/v1/auth/tokens')
      .set(ro)
      .send({ name: 'escalate', scopes: ['write'] });
    expect(mint.status).toBe(403);
  });

  it('answers malformed JSON, oversized bodies and malformed UUIDs in the contract shape', async () => {
    const malformed = await api
      .post('/api/v1/projects')
      .set(alice.auth)
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'invalid_argument' });
    expect(malformed.body.correlationId).toEqual(expect.any(String));
    const huge = await api
      .post('/api/v1/projects')
      .set(alice.auth)
      .send({ name: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    const uuid = await api.get('/api/v1/projects/not-a-uuid').set(alice.auth);
    expect(uuid.status).toBe(400);
    expect(uuid.body.code).toBe('invalid_argument');
    const route = await api.get('/api/v1/nowhere').set(alice.auth);
    expect(route.status).toBe(404);
  });

  it('echoes request ids and sets security headers', async () => {
    const res = await api.get('/healthz').set('X-Request-Id', 'trace-abc-123456').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-abc-123456');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const denied = await api.get('/api/v1/projects').set('Origin', 'https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await api.get('/healthz').set('Origin', 'http://localhost:5173');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('is ready when every service answers, and serves metrics and OpenAPI', async () => {
    const ready = await api.get('/readyz').expect(200);
    expect(ready.body.checks).toMatchObject({
      nats: 'ok',
      redis: 'ok',
      postgres: 'ok',
      'service:auth': 'ok',
      'service:experiments': 'ok',
    });
    const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ table_schema: string }>(
      "SELECT table_schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY 1",
    );
    await db.end();
    expect(rows.map((r) => r.table_schema)).toEqual([
      'auth',
      'connectors',
      'data_tools',
      'experiments',
      'projects',
    ]);
    const metrics = await api.get('/metrics').expect(200);
    expect(metrics.text).toContain('hydroml_http_request_seconds_bucket');
    expect(metrics.text).toContain('route="/api/v1/projects"');
    const docs = await api.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toContain('/api/v1/projects');
    expect(docs.body.components.schemas.RegisterDto.properties).toHaveProperty('username');
    expect(docs.body.components.schemas.RegisterDto.required).toEqual(
      expect.arrayContaining(['username', 'email', 'password']),
    );
  });

  it('serves GraphQL: me, projects with members and data sources, mutations, and 404 for strangers', async () => {
    const gql = (auth: Record<string, string>, query: string, variables: object = {}) =>
      api.post('/graphql').set(auth).send({ query, variables });
    const bob = await signUp(stack.baseUrl);
    const created = await gql(
      alice.auth,
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id name } }',
      { i: { name: 'Danube' } },
    );
    const project = created.body.data.createProject as ProjectView;
    await gql(alice.auth, 'mutation($i: AddMemberInput!) { addMember(input: $i) { role } }', {
      i: { projectId: project.id, user: bob.user.username, role: 'viewer' },
    });
    await gql(
      alice.auth,
      'mutation($i: CreateDataSourceInput!) { createDataSource(input: $i) { id } }',
      { i: { projectId: project.id, name: 'Gauge', kind: 'file' } },
    );
    const res = await gql(
      bob.auth,
      '{ me { username } projects(sort: "name") { total items { name role members { username role } dataSources { name } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.me.username).toBe(bob.user.username);
    const danube = res.body.data.projects.items.find((p: { name: string }) => p.name === 'Danube');
    expect(danube.role).toBe('viewer');
    expect(danube.members).toEqual([
      { username: alice.user.username, role: 'owner' },
      { username: bob.user.username, role: 'viewer' },
    ]);
    expect(danube.dataSources).toEqual([{ name: 'Gauge' }]);
    const carol = await signUp(stack.baseUrl);
    const hidden = await gql(
      carol.auth,
      'query($id: ID!) { project(id: $id) { name members { username } } }',
      { id: project.id },
    );
    expect(hidden.body.errors[0].extensions).toMatchObject({ code: 'not_found', status: 404 });
    const denied = await gql(
      bob.auth,
      'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { name } }',
      { i: { id: project.id, name: 'x' } },
    );
    expect(denied.body.errors[0].extensions).toMatchObject({
      code: 'permission_denied',
      status: 403,
    });
    const anonymous = await api.post('/graphql').send({ query: '{ me { username } }' });
    expect(anonymous.body.errors[0].extensions.code).toBe('unauthenticated');
  });
});
