import type {
  ColumnSchema,
  SessionPreview,
  SessionStateView,
  SessionView,
} from '@hydroml/contracts';
import type { SessionEntity } from './persistence/session.entity.js';

/** The wire view of a session; `schema` is the head's. */
export function toSessionView(
  entity: SessionEntity,
  schema: ColumnSchema[],
  expiresAt: Date,
): SessionView {
  return {
    ...{ id: entity.id, dataSourceId: entity.dataSourceId, version: entity.version },
    ...{ steps: entity.steps, head: entity.head, schema, revision: entity.revision },
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

export function toStateView(view: SessionView, preview: SessionPreview): SessionStateView {
  return { ...view, preview };
}
