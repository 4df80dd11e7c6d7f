import { Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceName } from '@hydroml/contracts';
import { BaseEnv } from '../config/base-env.js';
import { ensureSchema, schemaDataSourceOptions } from '../database/schema-data-source.js';
import { createHealthController } from '../health/health.controller.js';
import { NatsClient } from '../nats/nats-client.js';
import { REDIS } from '../redis/redis.js';
import { connectionProviders } from './connections.js';

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
        ...connectionProviders(env, `${service}-client`),
      ],
      exports: [BaseEnv, envClass, NatsClient, REDIS, TypeOrmModule, DataSource],
    };
  }
}
