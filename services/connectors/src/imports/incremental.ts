import {
  DataToolsContracts,
  type CallContext,
  type ConnectionType,
  type VersionProvenance,
} from '@hydroml/contracts';
import type { NatsClient } from '@hydroml/nest-kit';
import type { BrowseService } from '../browse/browse.service.js';
import { DIALECTS, incrementalSql, maxSql } from '../drivers/dialect.js';

export interface IncrementalPlan {
  /** The bounded query to import instead of the table or query. */
  query: string;
  incremental: NonNullable<VersionProvenance['incremental']>;
  /** Nothing newer than the last import's maximum. */
  empty: boolean;
}

/**
 * An incremental import reads the rows whose key column lies above the maximum the latest
 * incremental import on that column recorded (all rows the first time) and at most the current
 * maximum, so rows arriving during the import wait for the next one instead of being split.
 */
export async function planIncremental(
  deps: { browse: BrowseService; nats: NatsClient },
  call: CallContext,
  input: {
    connectionId: string;
    type: ConnectionType;
    dataSourceId: string;
    column: string;
    source: { table?: string; query?: string };
  },
): Promise<IncrementalPlan> {
  const dialect = DIALECTS[input.type];
  const sql = await deps.browse.sourceSql(call, input.connectionId, input.source);
  const versions = await deps.nats.request(
    DataToolsContracts.listVersions,
    { dataSourceId: input.dataSourceId },
    call,
  );
  const previous = versions
    .map((v) => v.provenance?.incremental)
    .filter((inc) => inc?.column === input.column && inc.max !== null)
    .at(-1);
  const after = previous?.max ?? null;
  const current = await deps.browse.scalar(
    call,
    input.connectionId,
    maxSql(dialect, sql, input.column),
  );
  const max =
    typeof current === 'string' || typeof current === 'number' || typeof current === 'bigint'
      ? String(current)
      : null;
  const empty = max === null || max === after;
  const query = incrementalSql(dialect, sql, input.column, { after, max: max ?? '' });
  return { query, incremental: { column: input.column, after, max: max ?? after }, empty };
}
