import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DataToolsContracts,
  type CallContext,
  type ColumnType,
  type ImportProvenanceDto,
  type Principal,
} from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { BrowseService } from '../browse/browse.service.js';
import { ConnectionsService } from '../connections/connections.service.js';
import type { ConnectionEntity } from '../connections/persistence/connection.entity.js';
import { ConnectorsEnv } from '../connectors-env.js';
import { ImportGuard } from './import-guard.js';
import { planIncremental, type IncrementalPlan } from './incremental.js';
import { estimatedRowsOf, RowProgress } from './row-progress.js';
import { datasetType, ndjsonValue } from './type-mapping.js';

export const IMPORT = 'import';

interface ImportSource {
  format: 'csv' | 'ndjson';
  stream: AsyncIterable<Uint8Array>;
  rowCount(): number;
  types(): Record<string, ColumnType>;
}
const BATCH_ROWS = 10_000;
export interface ImportPayload extends Record<string, unknown> {
  connectionId: string;
  principal: Principal;
  table?: string;
  query?: string;
  projectId?: string;
  name?: string;
  dataSourceId?: string;
  incrementalColumn?: string;
}

/**
 * The import job: rows stream from a server-side cursor into NDJSON in the blob store (never all
 * in memory), then data-tools ingests that file with the mapped column types as a new data source
 * or version. Progress counts rows; cancellation is checked between batches.
 */
@Injectable()
export class ImportJob {
  constructor(
    private readonly browse: BrowseService,
    private readonly connections: ConnectionsService,
    private readonly nats: NatsClient,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly env: ConnectorsEnv,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as ImportPayload;
    const call: CallContext = { correlationId: ctx.job.id, principal: payload.principal };
    const connection = await this.connections.owned(call, payload.connectionId);
    const plan = await this.incremental(call, connection, payload);
    if (plan?.empty) return { rows: 0, upToDate: true, dataSourceId: payload.dataSourceId };
    const read = plan ? { ...payload, table: undefined, query: plan.query } : payload;
    const progress = new RowProgress(ctx, await this.estimate(call, read));
    const uploadKey = `uploads/${randomUUID()}`;
    const { source, blob } = await this.read(call, read, ctx, progress, uploadKey);
    const rows = source.rowCount();
    await progress.update(rows, true);
    if (plan && rows === 0) {
      await this.blobs.delete(uploadKey);
      return { rows: 0, upToDate: true, dataSourceId: payload.dataSourceId };
    }
    const file = {
      uploadKey,
      fileName: `${payload.name ?? 'import'}.${source.format}`,
      options: { format: source.format, types: source.types() },
      provenance: provenanceOf(connection, payload, ctx.job.id, plan),
      ...(plan?.incremental.after ? { mode: 'append' as const } : {}),
    };
    if (payload.dataSourceId) {
      const job = await this.nats.request(
        DataToolsContracts.addVersion,
        { ...file, dataSourceId: payload.dataSourceId },
        call,
      );
      return { rows, bytes: blob.size, dataSourceId: payload.dataSourceId, ingestJobId: job.id };
    }
    const accepted = await this.nats.request(
      DataToolsContracts.upload,
      { ...file, projectId: payload.projectId!, name: payload.name! },
      call,
    );
    return {
      rows,
      bytes: blob.size,
      dataSourceId: accepted.dataSource.id,
      ingestJobId: accepted.job.id,
    };
  }

  /** The source's rows into the blob store; none left behind when the job stops or fails. */
  private async read(
    call: CallContext,
    payload: ImportPayload,
    ctx: JobContext,
    progress: RowProgress,
    uploadKey: string,
  ): Promise<{ source: ImportSource; blob: { size: number } }> {
    const guard = new ImportGuard(ctx, this.env.IMPORT_QUERY_TIMEOUT_MS);
    try {
      const source =
        (await this.csvCopy(call, payload, guard, progress)) ??
        (await this.ndjson(call, payload, guard, progress));
      const blob = await this.blobs.put(uploadKey, source.stream);
      try {
        guard.check();
      } catch (error) {
        await this.blobs.delete(uploadKey);
        throw error;
      }
      return { source, blob };
    } catch (error) {
      throw guard.translate(error);
    } finally {
      guard.dispose();
    }
  }

  private async incremental(
    call: CallContext,
    connection: Pick<ConnectionEntity, 'id' | 'type'>,
    payload: ImportPayload,
  ): Promise<IncrementalPlan | null> {
    if (!payload.incrementalColumn) return null;
    return planIncremental({ browse: this.browse, nats: this.nats }, call, {
      ...{ connectionId: connection.id, type: connection.type },
      ...{ dataSourceId: payload.dataSourceId!, column: payload.incrementalColumn },
      source: { table: payload.table, query: payload.query },
    });
  }

  /** The table's estimated rows for a progress fraction; none for queries, or when listing fails. */
  private async estimate(call: CallContext, payload: ImportPayload): Promise<number | null> {
    if (payload.table === undefined) return null;
    try {
      return estimatedRowsOf(await this.browse.tables(call, payload.connectionId), payload.table);
    } catch {
      return null; // progress without a fraction; the import itself reports any real failure
    }
  }

  private async ndjson(
    call: CallContext,
    payload: ImportPayload,
    guard: ImportGuard,
    progress: RowProgress,
  ): Promise<ImportSource> {
    const batches = await this.browse.openStream(call, payload.connectionId, payload, BATCH_ROWS);
    let columnTypes: ColumnType[] = [];
    let names: string[] = [];
    let count = 0;
    let keys: string[] = [];
    async function* encode(): AsyncGenerator<Uint8Array> {
      for await (const batch of batches) {
        guard.check();
        if (names.length === 0) {
          names = batch.columns.map((c) => c.name);
          columnTypes = batch.columns.map((c) => datasetType(c.type));
          keys = names.map((n) => `${JSON.stringify(n)}:`);
        }
        const lines = batch.rows.map((row) => ndjsonLine(row, keys, columnTypes));
        count += batch.rows.length;
        await progress.update(count);
        yield Buffer.from(`${lines.join('\n')}\n`);
      }
    }
    const types = () => Object.fromEntries(names.map((n, i) => [n, columnTypes[i]]));
    return { format: 'ndjson', stream: encode(), rowCount: () => count, types };
  }

  /** PostgreSQL's own COPY ... CSV goes to the blob store untouched: no parsing per row here. */
  private async csvCopy(
    call: CallContext,
    payload: ImportPayload,
    guard: ImportGuard,
    progress: RowProgress,
  ): Promise<ImportSource | null> {
    const copy = await this.browse.openCsvCopy(call, payload.connectionId, payload);
    if (!copy) return null;
    guard.onStop((reason) => copy.stream.destroy(reason));
    const types = () =>
      Object.fromEntries(copy.columns().map((c) => [c.name, datasetType(c.type)]));
    return {
      format: 'csv',
      stream: withProgress(copy.stream, guard, progress),
      rowCount: () => copy.rowCount(),
      types,
    };
  }
}

/** What the version records about where its rows came from (never a secret). */
function provenanceOf(
  connection: Pick<ConnectionEntity, 'id' | 'name' | 'type'>,
  payload: ImportPayload,
  importJobId: string,
  plan: IncrementalPlan | null,
): ImportProvenanceDto {
  return {
    ...{ connectionId: connection.id, connectionName: connection.name },
    ...{ connectionType: connection.type, importJobId },
    ...(payload.table !== undefined ? { table: payload.table } : {}),
    ...(payload.query !== undefined ? { query: payload.query } : {}),
    ...(plan ? { incremental: plan.incremental } : {}),
  };
}

/** One NDJSON object, built as text: no intermediate object per row on this hot path. */
function ndjsonLine(row: unknown[], keys: string[], types: ColumnType[]): string {
  let line = '{';
  for (let i = 0; i < row.length; i += 1) {
    line += `${i > 0 ? ',' : ''}${keys[i]}${JSON.stringify(ndjsonValue(row[i], types[i]))}`;
  }
  return `${line}}`;
}

/**
 * Passes chunks through, reporting the lines read so far (quoted values may hold line breaks, so
 * this is close to the row count, which the source reports exactly at the end) and honouring
 * cancellation.
 */
async function* withProgress(
  chunks: AsyncIterable<Uint8Array>,
  guard: ImportGuard,
  progress: RowProgress,
): AsyncGenerator<Uint8Array> {
  let lines = -1; // the header
  for await (const chunk of chunks) {
    guard.check();
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
    await progress.update(Math.max(lines, 0));
    yield chunk;
  }
}
