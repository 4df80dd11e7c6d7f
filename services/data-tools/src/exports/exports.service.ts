import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ExportFile,
  type ExportQueued,
  type ExportVersionDto,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { AccessClient } from '../access/access.client.js';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { assertXlsxFits, EXPORT_TYPES, exportSql, selectSql } from './export-sql.js';
import { writeXlsx } from './xlsx-writer.js';

export const EXPORT = 'export';

/** Above this many cells (rows x columns) an export runs as a job with a download link. */
export const DIRECT_EXPORT_MAX_CELLS = 20_000_000;

export type ExportRequest = Pick<ExportVersionDto, 'format' | 'columns' | 'limit'>;

/** Direct exports live under `exports/direct-<epoch ms>-<uuid>` until the gateway has sent them. */
export function directExportKey(now = Date.now()): string {
  return `exports/direct-${now}-${randomUUID()}`;
}

/** Writes a version (or a column subset / first rows of it) in a file format, into the blob store. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly access: AccessClient,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
    private readonly env: DataToolsEnv,
    private readonly queue: JobQueue,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async export(call: CallContext, dto: ExportVersionDto): Promise<ExportFile | ExportQueued> {
    const resource = { type: 'data_source' as const, id: dto.dataSourceId };
    const userId = await this.access.require(call, resource, 'read');
    const version = await this.version(dto.dataSourceId, dto.version);
    const rows = dto.limit === undefined ? version.rows : Math.min(dto.limit, version.rows);
    if (dto.format === 'xlsx') assertXlsxFits(rows);
    const cells = rows * (dto.columns?.length || version.columns);
    const asJob = dto.mode === 'job' || (dto.mode !== 'direct' && cells > DIRECT_EXPORT_MAX_CELLS);
    if (!asJob) return this.write(version, dto, directExportKey());
    const request = { format: dto.format, columns: dto.columns, limit: dto.limit };
    const payload = { dataSourceId: dto.dataSourceId, version: dto.version, request };
    return { job: await this.queue.enqueue(EXPORT, payload, { resource, createdBy: userId }) };
  }

  async version(dataSourceId: string, n: number): Promise<DatasetVersionEntity> {
    const version = await this.versions.find(dataSourceId, n);
    if (!version) throw new DomainError('not_found', `version ${n} not found`);
    return version;
  }

  /** Writes the file locally with DuckDB (or exceljs), then stores it under `blobKey`. */
  async write(
    version: DatasetVersionEntity,
    request: ExportRequest,
    blobKey: string,
  ): Promise<ExportFile> {
    const source = await this.cache.path(version.blobKey, version.sha256);
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'exports');
    await mkdir(dir, { recursive: true });
    const output = join(dir, `${randomUUID()}.${EXPORT_TYPES[request.format].ext}`);
    const rows = request.limit === undefined ? version.rows : Math.min(request.limit, version.rows);
    try {
      if (request.format === 'xlsx') {
        assertXlsxFits(rows);
        const select = selectSql(source, version.schema, request);
        await this.engine.use((c) => writeXlsx(c, select, output));
      } else {
        const sql = exportSql(source, output, version.schema, request);
        await this.engine.use((c) => c.run(sql));
      }
      const blob = await this.blobs.put(blobKey, createReadStream(output));
      return {
        blobKey,
        fileName: `v${version.version}.${EXPORT_TYPES[request.format].ext}`,
        contentType: EXPORT_TYPES[request.format].contentType,
        bytes: blob.size,
        rows,
      };
    } finally {
      await rm(output, { force: true });
    }
  }
}
