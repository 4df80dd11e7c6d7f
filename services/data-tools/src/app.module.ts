import { Module, type DynamicModule } from '@nestjs/common';
import { JobEntity } from '@hydroml/jobs';
import { mergeParts, ServiceKitModule } from '@hydroml/nest-kit';
import { datasetsParts } from './datasets/datasets.parts.js';
import { gridParts } from './grid/grid.parts.js';
import { qualityParts } from './quality/quality.parts.js';
import { sessionsParts } from './sessions/sessions.parts.js';
import { AccessClient } from './access/access.client.js';
import { AccessHandler } from './access/access.handler.js';
import { DataToolsEnv } from './data-tools-env.js';
import { DatasetsHandler } from './datasets/datasets.handler.js';
import { DatasetsService } from './datasets/datasets.service.js';
import { ExportsService } from './exports/exports.service.js';
import { IngestJob } from './ingestion/ingest.job.js';
import { IngestLifecycle } from './jobs/ingest-lifecycle.js';
import { JobsHandler } from './jobs/jobs.handler.js';
import { jobsProviders } from './jobs/jobs.providers.js';
import { JobsRuntime } from './jobs/jobs.runtime.js';
import { BaselineDataTools1764300000200 } from './migrations/1764300000200-baseline-data-tools.js';
import { Datasets1764300000220 } from './migrations/1764300000220-datasets.js';
import { storageProviders } from './storage/storage.providers.js';
import { VersionCache } from './storage/version-cache.js';
import { DatasetVersionEntity } from './versions/persistence/dataset-version.entity.js';
import { DataSourceReady } from './versions/data-source-ready.js';
import { VersionsRepository } from './versions/versions.repository.js';
import { VersionRelations } from './versions/version-relations.js';

/** Dataset versions, ingestion and the job worker. */
@Module({})
export class AppModule {
  static forRoot(env: DataToolsEnv): DynamicModule {
    const parts = mergeParts([gridParts, sessionsParts, qualityParts, datasetsParts]);
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'data-tools',
          env,
          entities: [JobEntity, DatasetVersionEntity, ...parts.entities],
          migrations: [BaselineDataTools1764300000200, Datasets1764300000220, ...parts.migrations],
        }),
      ],
      controllers: [AccessHandler, DatasetsHandler, JobsHandler, ...parts.controllers],
      providers: [
        ...storageProviders,
        ...jobsProviders,
        AccessClient,
        VersionsRepository,
        VersionRelations,
        VersionCache,
        DataSourceReady,
        IngestJob,
        IngestLifecycle,
        JobsRuntime,
        DatasetsService,
        ExportsService,
        ...parts.providers,
      ],
    };
  }
}
