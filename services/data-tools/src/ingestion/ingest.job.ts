import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestOptionsDto, VersionParent, VersionProvenance } from '@hydroml/contracts';
import type { JobContext } from '@hydroml/jobs';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import { DataSourceReady } from '../versions/data-source-ready.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { appendTo } from './append.js';
import { ingestFile, type IngestOutcome } from './ingest-file.js';

export const INGEST = 'ingest';

/** What an ingestion job carries (the row's payload). */
export interface IngestPayload {
  dataSourceId: string;
  uploadKey: string;
  fileName: string;
  options: IngestOptionsDto;
  createdBy: string | null;
  /** Re-ingestion: the version whose kept original `uploadKey` is (never moved or removed here). */
  reingestOf?: VersionParent;
  /** Imports: the connection and table or query the rows came from. */
  provenance?: VersionProvenance | null;
  /** `append`: the latest version's rows, then this file's (incremental imports). */
  mode?: 'replace' | 'append';
}

/** The Parquet of the version a job makes: keyed by the job, so a retry overwrites, never adds. */
export function versionBlobKey(dataSourceId: string, jobId: string): string {
  return `datasets/${dataSourceId}/${jobId}.parquet`;
}

/** Where a version's original file is kept (for re-ingestion with explicit types). */
export function sourceBlobKey(dataSourceId: string, jobId: string): string {
  return `sources/${dataSourceId}/${jobId}`;
}

/**
 * Upload -> local file -> DuckDB -> zstd Parquet -> blob store -> one metadata commit. Until the
 * commit nothing is visible; a redelivered job whose version exists just reports it. The data
 * source is marked ready before the job reports success. The upload is
 * kept (moved, not copied) as the version's original file.
 */
@Injectable()
export class IngestJob {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly engine: DuckEngine,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly env: DataToolsEnv,
    private readonly ready: DataSourceReady,
  ) {}

  async run(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.payload as unknown as IngestPayload;
    const version = (await this.versions.findByJob(ctx.job.id)) ?? (await this.made(ctx, payload));
    await this.ready.mark(payload.dataSourceId, ctx.job.id);
    return { version: version.version, versionId: version.id, rows: version.rows };
  }

  private async made(ctx: JobContext, payload: IngestPayload): Promise<DatasetVersionEntity> {
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
    const kept = sourceBlobKey(payload.dataSourceId, ctx.job.id);
    const inputKey =
      payload.reingestOf || (await this.blobs.stat(payload.uploadKey)) ? payload.uploadKey : kept;
    const input = await this.localInput(inputKey, dir);
    ctx.throwIfCancelled();
    await ctx.progress(0.2, 'converting to Parquet');
    let output = join(dir, 'output.parquet');
    let outcome = await this.engine.use((c) =>
      ingestFile(c, { path: input, fileName: payload.fileName, options: payload.options }, output),
    );
    const base = payload.mode === 'append' ? await this.latest(payload.dataSourceId) : null;
    if (base) {
      const combined = join(dir, 'combined.parquet');
      outcome = await this.appended(base, output, combined, outcome);
      output = combined;
    }
    ctx.throwIfCancelled();
    await ctx.progress(0.85, 'storing the version');
    const blobKey = versionBlobKey(payload.dataSourceId, ctx.job.id);
    const blob = await this.blobs.put(blobKey, createReadStream(output));
    ctx.throwIfCancelled();
    const source = await this.keepSource(payload, inputKey, kept);
    const parents = payload.reingestOf
      ? [payload.reingestOf]
      : base
        ? [{ dataSourceId: base.dataSourceId, version: base.version }]
        : [];
    return this.versions.commit({
      ...{ id: ctx.job.id, dataSourceId: payload.dataSourceId, parents },
      origin: payload.provenance ? 'imported' : 'uploaded',
      ...{ jobId: ctx.job.id, blobKey, sourceBlobKey: source, sourceFileName: payload.fileName },
      ...{ rows: outcome.rows, columns: outcome.schema.length, bytes: blob.size },
      ...{ sha256: blob.sha256, schema: outcome.schema, stats: outcome.stats },
      ...{ detection: outcome.detection, warnings: outcome.warnings },
      ...{ provenance: payload.provenance ?? null, createdBy: payload.createdBy },
    });
  }

  /** The original file the version keeps: a re-ingest shares its parent's; an append keeps none. */
  private async keepSource(payload: IngestPayload, inputKey: string, kept: string) {
    if (payload.reingestOf) return payload.uploadKey;
    if (payload.mode === 'append') return null;
    if (inputKey !== kept) await this.blobs.move(inputKey, kept);
    return kept;
  }

  private async latest(dataSourceId: string): Promise<DatasetVersionEntity | null> {
    const all = await this.versions.list(dataSourceId);
    return all.at(-1) ?? null;
  }

  private async appended(
    base: DatasetVersionEntity,
    increment: string,
    output: string,
    outcome: IngestOutcome,
  ): Promise<IngestOutcome> {
    const basePath = await this.cache.path(base.blobKey, base.sha256);
    const combined = await this.engine.use((c) => appendTo(c, basePath, increment, output));
    const added = `appended ${outcome.rows} rows to version ${base.version}`;
    return { ...outcome, ...combined, warnings: [added, ...outcome.warnings] };
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
