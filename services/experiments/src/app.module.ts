import { Module, type DynamicModule } from '@nestjs/common';
import { BaseEnv, mergeParts, ServiceKitModule } from '@hydroml/nest-kit';
import { trainingParts } from './training/training.parts.js';
import { AccessHandler } from './access/access.handler.js';
import { ArtifactsHandler } from './artifacts/artifacts.handler.js';
import { ArtifactsService } from './artifacts/artifacts.service.js';
import { ProjectAccessService } from './access/project-access.service.js';
import { ExperimentsHandler } from './experiments/experiments.handler.js';
import { ExperimentsService } from './experiments/experiments.service.js';
import { ExperimentsRepository } from './experiments/persistence/experiments.repository.js';
import { BaselineExperiments1764300000200 } from './migrations/1764300000200-baseline-experiments.js';
import { Tracking1764300000210 } from './migrations/1764300000210-tracking.js';
import { ModelRegistry1764300000220 } from './migrations/1764300000220-model-registry.js';
import { RunInputs1764300000230 } from './migrations/1764300000230-run-inputs.js';
import { RunInputsRepository } from './runs/persistence/run-inputs.repository.js';
import { ModelVersionsHandler } from './registry/model-versions.handler.js';
import { ModelVersionsService } from './registry/model-versions.service.js';
import { ModelVersionsRepository } from './registry/persistence/model-versions.repository.js';
import { ModelsRepository } from './registry/persistence/models.repository.js';
import { RegisteredModelsService } from './registry/registered-models.service.js';
import { RegistryHandler } from './registry/registry.handler.js';
import { RunDataRepository } from './runs/persistence/run-data.repository.js';
import { RunSearchRepository } from './runs/persistence/run-search.repository.js';
import { RunsRepository } from './runs/persistence/runs.repository.js';
import { RunLoggingService } from './runs/run-logging.service.js';
import { RunSearchService } from './runs/run-search.service.js';
import { RunsHandler } from './runs/runs.handler.js';
import { RunsService } from './runs/runs.service.js';

/**
 * MLflow-compatible tracking. Repositories speak SQL directly (multi-row inserts, one statement
 * per batch, json aggregates for search), so the service registers no TypeORM entities.
 */
@Module({})
export class AppModule {
  static forRoot(env: BaseEnv): DynamicModule {
    const parts = mergeParts([trainingParts]);
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'experiments',
          env,
          entities: [...parts.entities],
          migrations: [
            BaselineExperiments1764300000200,
            Tracking1764300000210,
            ModelRegistry1764300000220,
            RunInputs1764300000230,
            ...parts.migrations,
          ],
        }),
      ],
      controllers: [
        AccessHandler,
        ExperimentsHandler,
        RunsHandler,
        RegistryHandler,
        ModelVersionsHandler,
        ArtifactsHandler,
        ...parts.controllers,
      ],
      providers: [
        ProjectAccessService,
        ExperimentsRepository,
        ExperimentsService,
        RunsRepository,
        RunDataRepository,
        RunSearchRepository,
        RunInputsRepository,
        RunsService,
        RunLoggingService,
        RunSearchService,
        ModelsRepository,
        ModelVersionsRepository,
        RegisteredModelsService,
        ModelVersionsService,
        ArtifactsService,
        ...parts.providers,
      ],
    };
  }
}
