import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv, ServiceKitModule } from '@hydroml/nest-kit';
import { BaselineExperiments1764300000200 } from './migrations/1764300000200-baseline-experiments.js';

/** Skeleton: boots, migrates its schema and answers its health subject. */
@Module({})
export class AppModule {
  static forRoot(env: BaseEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'experiments',
          env,
          entities: [],
          migrations: [BaselineExperiments1764300000200],
        }),
      ],
    };
  }
}
