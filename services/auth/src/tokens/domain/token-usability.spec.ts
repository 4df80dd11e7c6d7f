import { shouldTouch, tokenUnusableReason } from './token-usability.js';

const now = new Date('2026-05-01T12:00:00Z');

describe('API token usability', () => {
  it('accepts a live token with or without expiry', () => {
    expect(tokenUnusableReason({ revokedAt: null, expiresAt: null }, now)).toBeNull();
    expect(
      tokenUnusableReason({ revokedAt: null, expiresAt: new Date('2027-01-01') }, now),
    ).toBeNull();
  });

  it('explains unknown, revoked and expired tokens', () => {
    expect(tokenUnusableReason(null, now)).toBe('invalid API token');
    expect(tokenUnusableReason({ revokedAt: now, expiresAt: null }, now)).toMatch(/revoked/);
    expect(tokenUnusableReason({ revokedAt: null, expiresAt: now }, now)).toMatch(/expired/);
  });

  it('records use at most once a minute', () => {
    expect(shouldTouch(null, now)).toBe(true);
    expect(shouldTouch(new Date(now.getTime() - 30_000), now)).toBe(false);
    expect(shouldTouch(new Date(now.getTime() - 61_000), now)).toBe(true);
  });
});
