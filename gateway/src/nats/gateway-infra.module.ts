import { Global, Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv, connectionProviders, NatsClient, REDIS } from '@hydroml/nest-kit';
import { GatewayEnv } from '../gateway-env.js';

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
        ...connectionProviders(env, 'gateway'),
      ],
      exports: [GatewayEnv, BaseEnv, NatsClient, REDIS],
    };
  }
}
