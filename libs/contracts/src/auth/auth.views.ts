import type { Scope } from '../call-context.js';

export interface UserView {
  id: string;
  username: string;
  email: string;
  displayName: string | null;
  createdAt: string;
}

/** What other users may learn about a user (e.g. as a project member). */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface ApiTokenView {
  id: string;
  name: string;
  scopes: Scope[];
  prefix: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreatedApiToken {
  token: ApiTokenView;
  /** Shown once: only its hash is stored. */
  secret: string;
}

/** Public signing keys as a JWK set, for local verification of access tokens. */
export interface PublicKeySet {
  keys: Array<Record<string, unknown> & { kid: string; alg: string }>;
}
