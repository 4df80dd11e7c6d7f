import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import {
  AuthContracts,
  AuthEvents,
  type ApiTokenRevokedV1,
  type Principal,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { VerifiedTokenCache } from './verified-token-cache.js';

const CACHE_MS = 30_000;

/**
 * Personal API tokens are verified by the auth service, then remembered (by hash) for up to
 * 30 s, so a script or MLflow client does not cost an auth round trip per request. A revocation
 * takes effect at once: this gateway forgets the token when it forwards the revoke, and every
 * replica forgets it on auth's `auth.tokens.revoked.v1` event.
 */
@Injectable()
export class ApiTokenVerifier implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new VerifiedTokenCache();
  private subscription?: Subscription;

  constructor(private readonly nats: NatsClient) {}

  onModuleInit(): void {
    this.subscription = this.nats.connection.subscribe(
      this.nats.subject(AuthEvents.apiTokenRevoked.subject),
      {
        callback: (_error, msg) => {
          const event = msg.json<{ data?: ApiTokenRevokedV1 }>().data;
          if (event?.tokenId) this.forget(event.tokenId);
        },
      },
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async verify(secret: string, correlationId: string): Promise<Principal> {
    const key = createHash('sha256').update(secret).digest('hex');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const principal = await this.nats.request(
      AuthContracts.verifyToken,
      { secret },
      { correlationId },
    );
    this.cache.set(key, principal, Date.now() + CACHE_MS);
    return principal;
  }

  forget(tokenId: string): void {
    this.cache.forget((principal) => principal.tokenId === tokenId);
  }
}
