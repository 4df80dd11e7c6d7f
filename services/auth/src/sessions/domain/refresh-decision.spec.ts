import { decideRefresh } from './refresh-decision.js';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-02-01T00:00:00Z');

describe('refresh decision', () => {
  it('rotates a fresh unused token', () => {
    expect(decideRefresh({ usedAt: null, expiresAt: later, familyRevokedAt: null }, now)).toBe(
      'rotate',
    );
  });

  it('treats a second use as reuse, before looking at expiry', () => {
    expect(decideRefresh({ usedAt: now, expiresAt: now, familyRevokedAt: null }, now)).toBe(
      'reuse',
    );
  });

  it('rejects unknown, revoked and expired tokens', () => {
    expect(decideRefresh(null, now)).toBe('unknown');
    expect(decideRefresh({ usedAt: null, expiresAt: later, familyRevokedAt: now }, now)).toBe(
      'revoked',
    );
    expect(decideRefresh({ usedAt: null, expiresAt: now, familyRevokedAt: null }, now)).toBe(
      'expired',
    );
  });
});
