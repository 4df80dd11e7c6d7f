import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { DuckDBValue } from '@duckdb/node-api';
import type { VersionParent, VersionRecipe } from '@hydroml/contracts';
import type { SqlValue } from '@hydroml/recipes';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine, readError, sqlString } from '../engine/duck-engine.js';
import { describe, summarize } from '../ingestion/ingest-file.js';
import { versionBlobKey } from '../ingestion/ingest.job.js';
import { DataSourceReady } from './data-source-ready.js';
import type { DatasetVersionEntity } from './persistence/dataset-version.entity.js';
import { VersionsRepository } from './versions.repository.js';

/** A version made from a query over other versions (a session's head, a console result, a fusion). */
export interface WriteVersionInput {
  /** The job doing the work: the version's id and idempotency key (a retry returns the first). */
  jobId: string;
  dataSourceId: string;
  origin: 'prepared' | 'fused';
  /** Lineage: the base version and every version the query reads. */
  parents: VersionParent[];
  /** A SELECT over local Parquet files; its row order is the new version's row order. */
  sql: string;
  binds: readonly SqlValue[];
  /** The recipe that made it, recorded in the lineage. */
  recipe?: VersionRecipe | null;
  createdBy: string | null;
  /** A label shown where uploads show their file name (e.g. "session 1a2b…"). */
  sourceFileName?: string | null;
  warnings?: string[];
}

export type WriteProgress = (fraction: number, message: string) => Promise<void>;

/**
 * Materialises a SELECT into a new immutable version: DuckDB COPY to zstd Parquet, the blob store,
 * then the one metadata commit (numbered under the data source's lock). Safe to re-run for the same
 * job: a committed version is returned as is, and the blob key is the job's, so a retry overwrites.
 */
@Injectable()
export class VersionWriter {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly engine: DuckEngine,
    private readonly versions: VersionsRepository,
    private readonly env: DataToolsEnv,
    private readonly ready: DataSourceReady,
  ) {}

  async write(
    input: WriteVersionInput,
    progress: WriteProgress = () => Promise.resolve(),
  ): Promise<DatasetVersionEntity> {
    const version =
      (await this.versions.findByJob(input.jobId)) ?? (await this.made(input, progress));
    await this.ready.mark(input.dataSourceId, input.jobId);
    return version;
  }

  private async made(input: WriteVersionInput, progress: WriteProgress) {
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'jobs', input.jobId);
    await mkdir(dir, { recursive: true });
    try {
      return await this.materialise(input, join(dir, 'output.parquet'), progress);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async materialise(input: WriteVersionInput, output: string, progress: WriteProgress) {
    await progress(0.1, 'computing the rows');
    const outcome = await this.engine.use(async (c) => {
      await c
        .run(
          `COPY (${input.sql}) TO ${sqlString(output)} (FORMAT parquet, COMPRESSION zstd)`,
          input.binds as DuckDBValue[],
        )
        .catch((error: unknown) => Promise.reject(readError('could not compute the rows', error)));
      const schema = await describe(c, output);
      return { schema, ...(await summarize(c, output, schema)) };
    });
    await progress(0.8, 'storing the version');
    const blobKey = versionBlobKey(input.dataSourceId, input.jobId);
    const blob = await this.blobs.put(blobKey, createReadStream(output));
    return this.versions.commit({
      ...{ id: input.jobId, dataSourceId: input.dataSourceId, origin: input.origin },
      ...{ parents: input.parents, jobId: input.jobId, blobKey, sourceBlobKey: null },
      ...{ sourceFileName: input.sourceFileName ?? null, rows: outcome.rows },
      ...{ columns: outcome.schema.length, bytes: blob.size, sha256: blob.sha256 },
      ...{ schema: outcome.schema, stats: outcome.stats, detection: { format: 'parquet' } },
      ...{ warnings: input.warnings ?? [], createdBy: input.createdBy },
      recipe: input.recipe ?? null,
    });
  }
}
