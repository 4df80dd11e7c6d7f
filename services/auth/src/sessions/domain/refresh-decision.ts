/** What to do with a presented refresh token, decided from its stored state alone. */
export type RefreshDecision = 'rotate' | 'unknown' | 'revoked' | 'expired' | 'reuse';

export interface StoredRefreshState {
  usedAt: Date | null;
  expiresAt: Date;
  familyRevokedAt: Date | null;
}

export function decideRefresh(state: StoredRefreshState | null, now: Date): RefreshDecision {
  if (!state) return 'unknown';
  if (state.familyRevokedAt) return 'revoked';
  // A token exchanged once and shown again was stolen or replayed: the whole family goes.
  if (state.usedAt) return 'reuse';
  if (state.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
