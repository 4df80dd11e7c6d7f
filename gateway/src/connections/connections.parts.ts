import type { ModuleParts } from '@hydroml/nest-kit';
import { ConnectionsResolver } from './connections.resolver.js';
import { SqliteUploadService } from './sqlite-upload.service.js';

/** The connections area's providers beyond the foundation's controller: SQLite uploads, GraphQL. */
export const connectionsParts: ModuleParts = {
  providers: [SqliteUploadService, ConnectionsResolver],
};
