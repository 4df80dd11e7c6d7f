import type { Principal } from '@hydroml/contracts';

interface Entry {
  principal: Principal;
  expiresAtMs: number;
}

/**
 * Access JWTs are immutable until they expire, so a verified one need not be verified again:
 * an ES256 signature check costs far more than a map lookup on the hot path. Bounded in size;
 * the oldest entries go first. (API tokens are never cached: revocation must take effect at once.)
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000) {}

  get(token: string, nowMs = Date.now()): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** Drops every entry whose principal matches (e.g. a revoked API token). */
  forget(matches: (principal: Principal) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.principal)) this.entries.delete(key);
  }

  set(token: string, principal: Principal, expiresAtMs: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { principal, expiresAtMs });
  }
}
