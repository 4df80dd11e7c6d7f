import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ExportFile,
  type ExportVersionDto,
} from '@hydroml/contracts';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { AccessClient } from '../access/access.client.js';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { assertXlsxFits, EXPORT_TYPES, exportSql, selectSql } from './export-sql.js';
import { writeXlsx } from './xlsx-writer.js';

/** Writes a version (or a column subset / first rows of it) in a file format, into the blob store. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly access: AccessClient,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
    private readonly env: DataToolsEnv,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async export(call: CallContext, dto: ExportVersionDto): Promise<ExportFile> {
    await this.access.require(call, { type: 'data_source', id: dto.dataSourceId }, 'read');
    const version = await this.versions.find(dto.dataSourceId, dto.version);
    if (!version) throw new DomainError('not_found', `version ${dto.version} not found`);
    const source = await this.cache.path(version.blobKey, version.sha256);
    const id = randomUUID();
    const dir = join(this.env.DATA_TOOLS_WORK_DIR, 'exports');
    await mkdir(dir, { recursive: true });
    const output = join(dir, `${id}.${EXPORT_TYPES[dto.format].ext}`);
    const rows = dto.limit === undefined ? version.rows : Math.min(dto.limit, version.rows);
    try {
      if (dto.format === 'xlsx') {
        assertXlsxFits(rows);
        const select = selectSql(source, version.schema, dto);
        await this.engine.use((c) => writeXlsx(c, select, output));
      } else {
        const sql = exportSql(source, output, version.schema, dto);
        await this.engine.use((c) => c.run(sql));
      }
      const blobKey = `exports/${id}`;
      const blob = await this.blobs.put(blobKey, createReadStream(output));
      return {
        blobKey,
        fileName: `v${version.version}.${EXPORT_TYPES[dto.format].ext}`,
        contentType: EXPORT_TYPES[dto.format].contentType,
        bytes: blob.size,
        rows,
      };
    } finally {
      await rm(output, { force: true });
    }
  }
}
