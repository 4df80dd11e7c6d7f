import type { ModuleParts } from '@hydroml/nest-kit';
import { ExportJob } from '../exports/export.job.js';
import { PurgeJob } from '../jobs/purge.job.js';
import { Sweeper } from '../jobs/sweeper.js';
import { DatasetsLifecycle1764300000450 } from '../migrations/1764300000450-datasets-lifecycle.js';
import { VersionLifecycleRepository } from '../versions/version-lifecycle.repository.js';
import { DatasetLifecycleService } from './dataset-lifecycle.service.js';
import { DatasetsLifecycleHandler } from './datasets-lifecycle.handler.js';

/** Deletion, re-ingestion, lineage, export jobs and the crash sweep of the datasets area. */
export const datasetsParts: ModuleParts = {
  controllers: [DatasetsLifecycleHandler],
  providers: [VersionLifecycleRepository, DatasetLifecycleService, PurgeJob, ExportJob, Sweeper],
  migrations: [DatasetsLifecycle1764300000450],
};
