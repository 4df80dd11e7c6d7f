import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import { BaseEnv, createRedis, NatsClient, REDIS } from '@hydroml/nest-kit';
import { GatewayEnv } from '../gateway-env.js';

class Closer implements OnApplicationShutdown {
  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats.connection.drain().catch(() => undefined);
    this.redis.disconnect();
  }
}

/** Config, the NATS client to the services and Redis (rate limits). */
@Global()
@Module({})
export class GatewayInfraModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayInfraModule,
      providers: [
        { provide: GatewayEnv, useValue: env },
        { provide: BaseEnv, useValue: env },
        {
          provide: NatsClient,
          useFactory: async () =>
            new NatsClient(
              await connect({ servers: env.NATS_URL, name: 'gateway' }),
              env.NATS_SUBJECT_PREFIX,
              env.NATS_REQUEST_TIMEOUT_MS,
            ),
        },
        { provide: REDIS, useFactory: () => createRedis(env.REDIS_URL, env.REDIS_KEY_PREFIX) },
        Closer,
      ],
      exports: [GatewayEnv, BaseEnv, NatsClient, REDIS],
    };
  }
}
