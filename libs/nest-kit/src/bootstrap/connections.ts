import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import type { BaseEnv } from '../config/base-env.js';
import { NatsClient } from '../nats/nats-client.js';
import { createRedis, REDIS } from '../redis/redis.js';

/** The NATS contract client and the Redis client every process (service or gateway) uses. */
export function connectionProviders(env: BaseEnv, clientName: string): Provider[] {
  return [
    {
      provide: NatsClient,
      useFactory: async () =>
        new NatsClient(
          await connect({ servers: env.NATS_URL, name: clientName }),
          env.NATS_SUBJECT_PREFIX,
          env.NATS_REQUEST_TIMEOUT_MS,
        ),
    },
    { provide: REDIS, useFactory: () => createRedis(env.REDIS_URL, env.REDIS_KEY_PREFIX) },
    ConnectionsCloser,
  ];
}

/** Drains NATS and closes Redis when the application stops. */
@Injectable()
export class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats.connection.drain().catch(() => undefined);
    this.redis.disconnect();
  }
}
