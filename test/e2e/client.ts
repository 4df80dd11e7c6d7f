import request from 'supertest';
import type { TokenPair, UserView } from '@hydroml/contracts';
import { makeUser, TEST_PASSWORD } from '@hydroml/testing';

export interface TestUser {
  user: UserView;
  tokens: TokenPair;
  auth: { Authorization: string };
}

/** Registers and logs in a fresh user through the gateway. */
export async function signUp(baseUrl: string): Promise<TestUser> {
  const dto = makeUser();
  const registered = await request(baseUrl).post('/api/v1/auth/register').send(dto).expect(201);
  const login = await request(baseUrl)
    .post('/api/v1/auth/login')
    .send({ login: dto.username, password: TEST_PASSWORD })
    .expect(200);
  const tokens = login.body as TokenPair;
  return {
    user: registered.body as UserView,
    tokens,
    auth: { Authorization: `Bearer ${tokens.accessToken}` },
  };
}
