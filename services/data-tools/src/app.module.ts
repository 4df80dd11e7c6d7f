import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv, ServiceKitModule } from '@hydroml/nest-kit';
import { BaselineDataTools1764300000200 } from './migrations/1764300000200-baseline-data-tools.js';

/** Skeleton: boots, migrates its schema and answers its health subject. */
@Module({})
export class AppModule {
  static forRoot(env: BaseEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'data-tools',
          env,
          entities: [],
          migrations: [BaselineDataTools1764300000200],
        }),
      ],
    };
  }
}
