import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthContracts, AuthEvents, type CallContext, type Principal } from '@hydroml/contracts';
import { loadEnv, startService, type NatsClient } from '@hydroml/nest-kit';
import {
  connectTestNats,
  errorCodeOf,
  createTestDatabase,
  makeUser,
  testEnvVars,
  TEST_PASSWORD,
  type TestDatabase,
} from '@hydroml/testing';
import { AppModule } from '../src/app.module.js';
import { AuthEnv } from '../src/auth-env.js';
import { SigningKeysService } from '../src/keys/signing-keys.service.js';

describe('auth service over NATS', () => {
  let db: TestDatabase;
  let app: INestMicroservice;
  let nats: NatsClient;
  const anonymous: CallContext = { correlationId: 'int-test' };

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = loadEnv(AuthEnv, testEnvVars(db.url));
    app = await startService('auth', AppModule.forRoot(env), env);
    nats = await connectTestNats(env.NATS_SUBJECT_PREFIX);
  });
  afterAll(async () => {
    await nats.connection.close();
    await app.close();
    await db.drop();
  });

  it('announces a registration as an event and stores only an argon2id hash', async () => {
    const events = nats.connection.subscribe(nats.subject(AuthEvents.userRegistered.subject), {
      max: 1,
    });
    const dto = makeUser();
    const user = await nats.request(AuthContracts.register, dto, anonymous);
    for await (const msg of events) {
      expect(msg.json<{ data: { userId: string } }>().data.userId).toBe(user.id);
    }
    const rows: Array<{ password_hash: string }> = await app
      .get(DataSource)
      .query('SELECT password_hash FROM auth.users WHERE id = $1', [user.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('validates payloads on the service side too', async () => {
    const bad = { username: 'x', email: 'not-an-email', password: TEST_PASSWORD };
    expect(await errorCodeOf(nats.request(AuthContracts.register, bad, anonymous))).toBe(
      'invalid_argument',
    );
  });

  it('publishes old and new keys after a rotation and signs with the new one', async () => {
    const keys = app.get(SigningKeysService);
    const before = await nats.request(AuthContracts.publicKeys, {}, anonymous);
    const kid = await keys.rotate();
    const after = await nats.request(AuthContracts.publicKeys, {}, anonymous);
    expect(after.keys.map((k) => k.kid)).toEqual([kid, ...before.keys.map((k) => k.kid)]);
    const dto = makeUser();
    await nats.request(AuthContracts.register, dto, anonymous);
    const pair = await nats.request(
      AuthContracts.login,
      { login: dto.email, password: TEST_PASSWORD },
      anonymous,
    );
    const header = JSON.parse(
      Buffer.from(pair.accessToken.split('.')[0], 'base64url').toString(),
    ) as { kid: string };
    expect(header.kid).toBe(kid);
  });

  it('verifies API tokens and refuses revoked ones', async () => {
    const dto = makeUser();
    const user = await nats.request(AuthContracts.register, dto, anonymous);
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      scopes: ['read', 'write'],
      via: 'jwt',
    };
    const call = { correlationId: 'int', principal };
    const created = await nats.request(
      AuthContracts.createToken,
      { name: 'bot', scopes: ['read'] },
      call,
    );
    const verified = await nats.request(
      AuthContracts.verifyToken,
      { secret: created.secret },
      anonymous,
    );
    expect(verified).toMatchObject({ userId: user.id, scopes: ['read'], via: 'api_token' });
    await nats.request(AuthContracts.revokeToken, { id: created.token.id }, call);
    expect(
      await errorCodeOf(
        nats.request(AuthContracts.verifyToken, { secret: created.secret }, anonymous),
      ),
    ).toBe('unauthenticated');
    const asToken = { correlationId: 'int', principal: verified };
    expect(
      await errorCodeOf(
        nats.request(AuthContracts.createToken, { name: 'x', scopes: ['read'] }, asToken),
      ),
    ).toBe('permission_denied');
  });

  it('resolves users by username or email for other services', async () => {
    const dto = makeUser();
    const user = await nats.request(AuthContracts.register, dto, anonymous);
    const principal: Principal = {
      userId: user.id,
      username: user.username,
      scopes: ['read'],
      via: 'jwt',
    };
    const call = { correlationId: 'int', principal };
    expect(
      (await nats.request(AuthContracts.resolveUser, { login: dto.username.toUpperCase() }, call))
        .id,
    ).toBe(user.id);
    expect(
      (await nats.request(AuthContracts.lookupUsers, { ids: [user.id] }, call))[0].username,
    ).toBe(dto.username);
    expect(
      await errorCodeOf(nats.request(AuthContracts.resolveUser, { login: 'nobody-at-all' }, call)),
    ).toBe('not_found');
    expect(await errorCodeOf(nats.request(AuthContracts.me, {}, anonymous))).toBe(
      'unauthenticated',
    );
  });
});
