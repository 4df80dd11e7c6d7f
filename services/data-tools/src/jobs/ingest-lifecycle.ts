import { Inject, Injectable } from '@nestjs/common';
import { DataToolsEvents, type DataSourceStatus, type JobView } from '@hydroml/contracts';
import { JobStore } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { INGEST, versionBlobKey, type IngestPayload } from '../ingestion/ingest.job.js';
import { VersionsRepository } from '../versions/versions.repository.js';

/**
 * Follows ingestion jobs: the data source's status (processing -> ready | failed) and the blobs a
 * finished job no longer needs (its upload; on failure, any Parquet it stored but never committed).
 */
@Injectable()
export class IngestLifecycle {
  constructor(
    private readonly nats: NatsClient,
    private readonly store: JobStore,
    private readonly versions: VersionsRepository,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async onJob(job: JobView): Promise<void> {
    if (job.kind !== INGEST || job.resource?.type !== 'data_source') return;
    const dataSourceId = job.resource.id;
    if (job.status === 'queued' || (job.status === 'running' && job.attempts > 1)) return;
    if (job.status === 'running') return this.status(dataSourceId, 'processing', null);
    const entity = await this.store.find(job.id);
    const payload = entity?.payload as unknown as IngestPayload | undefined;
    if (payload) await this.blobs.delete(payload.uploadKey);
    if (job.status === 'succeeded') return this.status(dataSourceId, 'ready', null);
    if (!(await this.versions.findByJob(job.id))) {
      await this.blobs.delete(versionBlobKey(dataSourceId, job.id));
    }
    const hasVersions = (await this.versions.list(dataSourceId)).length > 0;
    const reason = job.status === 'cancelled' ? 'cancelled' : (job.error?.message ?? 'failed');
    this.status(dataSourceId, hasVersions ? 'ready' : 'failed', reason);
  }

  private status(dataSourceId: string, status: DataSourceStatus, reason: string | null): void {
    this.nats.emit(DataToolsEvents.dataSourceStatusChanged, { dataSourceId, status, reason });
  }
}
