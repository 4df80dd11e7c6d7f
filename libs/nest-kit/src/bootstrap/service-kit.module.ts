import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { connect } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceName } from '@hydroml/contracts';
import { BaseEnv } from '../config/base-env.js';
import { ensureSchema, schemaDataSourceOptions } from '../database/schema-data-source.js';
import { createHealthController } from '../health/health.controller.js';
import { NatsClient } from '../nats/nats-client.js';
import { createRedis, REDIS } from '../redis/redis.js';

export interface ServiceKitOptions {
  service: ServiceName;
  env: BaseEnv;
  /** PostgreSQL schema owned by the service (defaults to the service name with _ for -). */
  schema?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    private readonly nats: NatsClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats.connection.drain().catch(() => undefined);
    this.redis.disconnect();
  }
}

/**
 * Everything a HydroML service shares: typed config, its TypeORM data source on its own schema,
 * a NATS client for contracts and events, Redis, and the health subject.
 */
@Module({})
export class ServiceKitModule {
  static forService(options: ServiceKitOptions): DynamicModule {
    const { env, service } = options;
    const schema = options.schema ?? service.replace(/-/g, '_');
    const envClass = env.constructor as new () => BaseEnv;
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          // Named per service, so several services can share one process (tests, dev).
          name: schema,
          useFactory: async () => {
            await ensureSchema(env.DATABASE_URL, schema);
            return {
              ...schemaDataSourceOptions({ url: env.DATABASE_URL, schema, ...options }),
              name: schema,
            };
          },
        }),
      ],
      controllers: [createHealthController(service)],
      providers: [
        { provide: BaseEnv, useValue: env },
        { provide: DataSource, useExisting: getDataSourceToken(schema) },
        ...(envClass === BaseEnv ? [] : [{ provide: envClass, useValue: env }]),
        {
          provide: NatsClient,
          useFactory: async () =>
            new NatsClient(
              await connect({ servers: env.NATS_URL, name: `${service}-client` }),
              env.NATS_SUBJECT_PREFIX,
              env.NATS_REQUEST_TIMEOUT_MS,
            ),
        },
        { provide: REDIS, useFactory: () => createRedis(env.REDIS_URL, env.REDIS_KEY_PREFIX) },
        ConnectionsCloser,
      ],
      exports: [BaseEnv, envClass, NatsClient, REDIS, TypeOrmModule, DataSource],
    };
  }
}
