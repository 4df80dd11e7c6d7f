import type { ModuleParts } from '@hydroml/nest-kit';
import { DatasetsResolver } from './datasets.resolver.js';
import { JobDownloadController } from '../jobs/job-download.controller.js';

/** The gateway's datasets area beyond the foundation's routes: export downloads and GraphQL. */
export const datasetsParts: ModuleParts = {
  controllers: [JobDownloadController],
  providers: [DatasetsResolver],
};
