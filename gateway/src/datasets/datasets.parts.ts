import type { ModuleParts } from '@hydroml/nest-kit';
import { connectionsParts } from '../connections/connections.parts.js';
import { JobDownloadController } from '../jobs/job-download.controller.js';
import { DatasetsResolver } from './datasets.resolver.js';
import { UploadEventsController } from './upload-events.controller.js';

/**
 * The gateway's datasets area beyond the foundation's routes (export downloads, GraphQL), and the
 * connections area's (its parts ride along in this slot of app.module).
 */
export const datasetsParts: ModuleParts = {
  controllers: [
    JobDownloadController,
    UploadEventsController,
    ...(connectionsParts.controllers ?? []),
  ],
  providers: [DatasetsResolver, ...(connectionsParts.providers ?? [])],
};
