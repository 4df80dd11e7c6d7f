import type { Principal } from '@hydroml/contracts';
import { VerifiedTokenCache } from './verified-token-cache.js';

const principal: Principal = {
  userId: 'u1',
  username: 'ann',
  scopes: ['read', 'write'],
  via: 'jwt',
};

describe('verified token cache', () => {
  it('returns a verified principal until the token expires', () => {
    const cache = new VerifiedTokenCache();
    cache.set('t1', principal, 2_000);
    expect(cache.get('t1', 1_999)).toBe(principal);
    expect(cache.get('t1', 2_000)).toBeUndefined();
    expect(cache.get('t1', 1_000)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', principal, 10_000);
    cache.set('b', principal, 10_000);
    cache.set('c', principal, 10_000);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toBe(principal);
    expect(cache.get('c', 0)).toBe(principal);
  });
});
