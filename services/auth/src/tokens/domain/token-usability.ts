export interface TokenLifetime {
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** Why a presented API token cannot be used, or null when it can. */
export function tokenUnusableReason(token: TokenLifetime | null, now: Date): string | null {
  if (!token) return 'invalid API token';
  if (token.revokedAt) return 'API token has been revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'API token has expired';
  return null;
}

/** last_used_at is written at most once a minute per token, to keep verification cheap. */
export function shouldTouch(lastUsedAt: Date | null, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() > 60_000;
}
