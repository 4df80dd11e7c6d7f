import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv, ServiceKitModule } from '@hydroml/nest-kit';
import { BaselineConnectors1764300000200 } from './migrations/1764300000200-baseline-connectors.js';

/** Skeleton: boots, migrates its schema and answers its health subject. */
@Module({})
export class AppModule {
  static forRoot(env: BaseEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'connectors',
          env,
          entities: [],
          migrations: [BaselineConnectors1764300000200],
        }),
      ],
    };
  }
}
