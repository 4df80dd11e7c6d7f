import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import type { Subscription } from '@nats-io/transport-node';
import { AuthContracts, AuthEvents, DomainError } from '@hydroml/contracts';
import { logger, NatsClient } from '@hydroml/nest-kit';

const MIN_REFETCH_MS = 5_000;

/**
 * The auth service's public signing keys, fetched over NATS and cached. An unknown `kid` (a key
 * rotated in since the last fetch) triggers a refetch, at most every few seconds; a rotation
 * event refetches at once.
 */
@Injectable()
export class JwtKeysService implements OnModuleInit, OnModuleDestroy {
  private keys = new Map<string, CryptoKey | Uint8Array>();
  private fetchedAt = 0;
  private inflight?: Promise<void>;
  private subscription?: Subscription;

  constructor(private readonly nats: NatsClient) {}

  onModuleInit(): void {
    this.subscription = this.nats.connection.subscribe(
      this.nats.subject(AuthEvents.signingKeyRotated.subject),
      {
        callback: () => {
          this.refresh().catch((err: unknown) =>
            logger().warn({ err }, 'could not refetch signing keys'),
          );
        },
      },
    );
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async keyFor(kid: string | undefined): Promise<CryptoKey | Uint8Array> {
    if (!kid) throw new DomainError('unauthenticated', 'access token has no key id');
    if (!this.keys.has(kid) && Date.now() - this.fetchedAt > MIN_REFETCH_MS) await this.refresh();
    const key = this.keys.get(kid);
    if (!key) throw new DomainError('unauthenticated', 'access token signed by an unknown key');
    return key;
  }

  refresh(): Promise<void> {
    this.inflight ??= this.fetch().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async fetch(): Promise<void> {
    const set = await this.nats.request(
      AuthContracts.publicKeys,
      {},
      { correlationId: randomUUID() },
    );
    const next = new Map<string, CryptoKey | Uint8Array>();
    for (const jwk of set.keys) next.set(jwk.kid, await importJWK(jwk as JWK, jwk.alg));
    this.keys = next;
    this.fetchedAt = Date.now();
  }
}
