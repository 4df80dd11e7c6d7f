import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestOptionsDto } from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { ingestFile } from './ingest-file.js';

export const INGEST = 'ingest';

/** What an ingestion job carries (the row's payload). */
export interface IngestPayload {
  dataSourceId: string;
  uploadKey: string;
  fileName: string;
  options: IngestOptionsDto;
  createdBy: string | null;
}

/** The Parquet of the version a job makes: keyed by the job, so a retry overwrites, never adds. */
export function versionBlobKey(dataSourceId: string, jobId: string): string {
  return `datasets/${dataSourceId}/${jobId}.parquet`;
}

/**
 * Upload -> local file -> DuckDB -> zstd Parquet -> blob store -> one metadata commit. Until the
 * commit nothing is visible; a redelivered job whose version exists just reports it.
 */
@Injectable()
export class IngestJob {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly engine: DuckEngine,
    private readonly versions: VersionsRepository,
    private readonly env: DataToolsEnv,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as IngestPayload;
    const done = await this.versions.findByJob(ctx.job.id);
    if (done) return { version: done.version, versionId: done.id, rows: done.rows };
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'jobs', ctx.job.id);
    await mkdir(dir, { recursive: true });
    try {
      return await this.ingest(ctx, payload, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async ingest(ctx: JobContext, payload: IngestPayload, dir: string) {
    await ctx.progress(0.05, 'reading the upload');
    const input = await this.localInput(payload.uploadKey, dir);
    ctx.throwIfCancelled();
    await ctx.progress(0.2, 'converting to Parquet');
    const output = join(dir, 'output.parquet');
    const outcome = await this.engine.use((c) =>
      ingestFile(c, { path: input, fileName: payload.fileName, options: payload.options }, output),
    );
    ctx.throwIfCancelled();
    await ctx.progress(0.85, 'storing the version');
    const blobKey = versionBlobKey(payload.dataSourceId, ctx.job.id);
    const blob = await this.blobs.put(blobKey, createReadStream(output));
    ctx.throwIfCancelled();
    const version = await this.versions.commit({
      ...{ id: ctx.job.id, dataSourceId: payload.dataSourceId, origin: 'uploaded', parents: [] },
      ...{ jobId: ctx.job.id, blobKey, sourceBlobKey: null, sourceFileName: payload.fileName },
      ...{ rows: outcome.rows, columns: outcome.schema.length, bytes: blob.size },
      ...{ sha256: blob.sha256, schema: outcome.schema, stats: outcome.stats },
      ...{ detection: outcome.detection, warnings: outcome.warnings },
      createdBy: payload.createdBy,
    });
    return { version: version.version, versionId: version.id, rows: version.rows };
  }

  /** The upload as a local file: the blob itself on the fs backend, else a downloaded copy. */
  private async localInput(uploadKey: string, dir: string): Promise<string> {
    const local = await this.blobs.localPath(uploadKey);
    if (local) return local;
    const input = join(dir, 'input');
    await pipeline(await this.blobs.get(uploadKey), createWriteStream(input));
    return input;
  }
}
