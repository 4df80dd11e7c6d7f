import type { ModuleParts } from '@hydroml/nest-kit';
import { SqliteUploadService } from './sqlite-upload.service.js';

/** The connections area's providers beyond the foundation's controller: SQLite uploads, GraphQL. */
export const connectionsParts: ModuleParts = {
  providers: [SqliteUploadService],
};
