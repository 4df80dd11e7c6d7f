import type { ConnectionView } from '@hydroml/contracts';
import type { ConnectionEntity } from './persistence/connection.entity.js';

/** The only way a connection leaves the service: without its secret. */
export function toConnectionView(row: ConnectionEntity): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    host: row.host,
    port: row.port,
    database: row.database,
    user: row.user,
    sslMode: row.sslMode,
    hasPassword: row.secretEncrypted !== null,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
