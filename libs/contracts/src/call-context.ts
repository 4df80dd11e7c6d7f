/** NATS header names every message carries (set by the gateway, forwarded by services). */
export const HEADERS = {
  correlationId: 'x-correlation-id',
  principal: 'x-principal',
  deadline: 'x-deadline',
} as const;

export const SCOPES = ['read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: a user authenticated by a JWT or by a personal API token. */
export interface Principal {
  userId: string;
  username: string;
  scopes: Scope[];
  via: 'jwt' | 'api_token';
  tokenId?: string;
}

/** What a handler knows about the call beyond its payload. */
export interface CallContext {
  correlationId: string;
  principal?: Principal;
  /** Epoch milliseconds after which the caller no longer waits. */
  deadline?: number;
}
