import { Injectable } from '@nestjs/common';
import {
  DataToolsEvents,
  DomainError,
  ProjectsContracts,
  type AddVersionDto,
  type CallContext,
  type DatasetPreview,
  type DatasetVersionDetail,
  type DatasetVersionView,
  type JobView,
  type UploadAccepted,
  type UploadDataSourceDto,
  type VersionPreviewDto,
  type VersionLocation,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { NatsClient, requireScope } from '@hydroml/nest-kit';
import { AccessClient } from '../access/access.client.js';
import { DuckEngine } from '../engine/duck-engine.js';
import { INGEST, type IngestPayload } from '../ingestion/ingest.job.js';
import { keysetPage, previewSql } from './preview-sql.js';
import { VersionCache } from '../storage/version-cache.js';
import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import { toVersionView, VersionsRepository } from '../versions/versions.repository.js';

@Injectable()
export class DatasetsService {
  constructor(
    private readonly nats: NatsClient,
    private readonly access: AccessClient,
    private readonly queue: JobQueue,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
  ) {}

  /** A new data source in the project from an uploaded file, and its ingestion job. */
  async upload(call: CallContext, dto: UploadDataSourceDto): Promise<UploadAccepted> {
    const principal = requireScope(call, 'write');
    const dataSource = await this.nats.request(
      ProjectsContracts.createDataSource,
      { projectId: dto.projectId, name: dto.name, description: dto.description, kind: 'file' },
      call,
    );
    const job = await this.enqueue(dataSource.id, dto, principal.userId);
    return { dataSource: { ...dataSource, status: 'processing' }, job };
  }

  async addVersion(call: CallContext, dto: AddVersionDto): Promise<JobView> {
    const userId = await this.access.require(
      call,
      { type: 'data_source', id: dto.dataSourceId },
      'write',
    );
    return this.enqueue(dto.dataSourceId, dto, userId);
  }

  async list(call: CallContext, dataSourceId: string): Promise<DatasetVersionView[]> {
    await this.access.require(call, { type: 'data_source', id: dataSourceId }, 'read');
    return (await this.versions.list(dataSourceId)).map(toVersionView);
  }

  async get(
    call: CallContext,
    dataSourceId: string,
    version: number,
  ): Promise<DatasetVersionDetail> {
    const entity = await this.readable(call, dataSourceId, version);
    return { ...toVersionView(entity), stats: entity.stats };
  }

  async locate(call: CallContext, dataSourceId: string, version: number): Promise<VersionLocation> {
    const e = await this.readable(call, dataSourceId, version);
    const { blobKey, sha256, rows, schema } = e;
    return { dataSourceId, version, blobKey, sha256, rows: Number(rows), schema };
  }

  async preview(call: CallContext, dto: VersionPreviewDto): Promise<DatasetPreview> {
    const entity = await this.readable(call, dto.dataSourceId, dto.version);
    const offset = dto.offset ?? 0;
    const limit = dto.limit ?? 100;
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    const sql = previewSql(path, { offset, limit, after: dto.after });
    const rows = await this.engine.use(async (c) =>
      (await c.runAndReadAll(sql)).getRowObjectsJson(),
    );
    const page = { columns: entity.schema, offset, limit, total: entity.rows };
    if (dto.after === undefined) return { ...page, rows };
    return { ...page, ...keysetPage(rows, limit) };
  }

  private async readable(call: CallContext, dataSourceId: string, version: number) {
    await this.access.require(call, { type: 'data_source', id: dataSourceId }, 'read');
    const entity: DatasetVersionEntity | null = await this.versions.find(dataSourceId, version);
    if (!entity) throw new DomainError('not_found', `version ${version} not found`);
    return entity;
  }

  async enqueue(
    dataSourceId: string,
    dto: Omit<IngestPayload, 'dataSourceId' | 'createdBy' | 'options'> & {
      options?: IngestPayload['options'];
    },
    userId: string,
  ): Promise<JobView> {
    const payload: IngestPayload = {
      ...{ dataSourceId, uploadKey: dto.uploadKey, fileName: dto.fileName },
      ...{ options: dto.options ?? {}, createdBy: userId },
      ...(dto.provenance ? { provenance: { ...dto.provenance } } : {}),
      ...(dto.mode ? { mode: dto.mode } : {}),
      ...(dto.reingestOf ? { reingestOf: dto.reingestOf } : {}),
    };
    const job = await this.queue.enqueue(
      INGEST,
      { ...payload },
      {
        resource: { type: 'data_source', id: dataSourceId },
        createdBy: userId,
      },
    );
    this.nats.emit(DataToolsEvents.dataSourceStatusChanged, {
      ...{ dataSourceId, status: 'processing', reason: null },
    });
    return job;
  }
}
