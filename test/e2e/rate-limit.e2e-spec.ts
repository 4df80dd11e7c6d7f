import request from 'supertest';
import { Redis } from 'ioredis';
import { signUp, startOfRateWindow } from './client.js';
import { startStack, type Stack } from './stack.js';

describe('the per-client API budget', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ RATE_LIMIT_PER_MINUTE: '8' });
  });
  afterAll(() => stack.close());

  it('answers 429 with Retry-After past the budget, and counts the hits in Redis', async () => {
    const api = request(stack.baseUrl);
    await startOfRateWindow();
    const user = await signUp(stack.baseUrl); // register + login: 2 anonymous hits from this IP
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await api.get('/api/v1/projects').set(user.auth)).status);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    const limited = await api.get('/api/v1/projects').set(user.auth);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('resource_exhausted');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await stack.gateway.close(); // flushes the local counts to Redis
    const redis = new Redis(stack.env.REDIS_URL, { keyPrefix: stack.env.REDIS_KEY_PREFIX });
    const keys = await redis.keys(`${stack.env.REDIS_KEY_PREFIX}rl:api:u:${user.user.id}:*`);
    expect(keys).toHaveLength(1);
    expect(Number(await redis.get(keys[0].slice(stack.env.REDIS_KEY_PREFIX.length)))).toBe(11);
    redis.disconnect();
  });
});
