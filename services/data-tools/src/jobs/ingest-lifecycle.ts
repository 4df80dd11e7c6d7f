import { Inject, Injectable } from '@nestjs/common';
import { DataToolsEvents, type DataSourceStatus, type JobView } from '@hydroml/contracts';
import { JobStore } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import {
  INGEST,
  sourceBlobKey,
  versionBlobKey,
  type IngestPayload,
} from '../ingestion/ingest.job.js';
import { VersionLifecycleRepository } from '../versions/version-lifecycle.repository.js';
import { VersionsRepository } from '../versions/versions.repository.js';

/**
 * Follows ingestion jobs: the data source's status (processing -> ready | failed) and the blobs a
 * finished job no longer needs (an upload no version keeps; on failure, anything it stored but
 * never committed).
 */
@Injectable()
export class IngestLifecycle {
  constructor(
    private readonly nats: NatsClient,
    private readonly store: JobStore,
    private readonly versions: VersionsRepository,
    private readonly lifecycle: VersionLifecycleRepository,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async onJob(job: JobView): Promise<void> {
    if (job.kind !== INGEST || job.resource?.type !== 'data_source') return;
    const dataSourceId = job.resource.id;
    if (job.status === 'queued' || (job.status === 'running' && job.attempts > 1)) return;
    if (job.status === 'running') return this.status(dataSourceId, 'processing', null);
    const entity = await this.store.find(job.id);
    const payload = entity?.payload as unknown as IngestPayload | undefined;
    // An upload is never a version's original (those live under sources/): remove it at once.
    const upload = payload?.uploadKey.startsWith('uploads/') ? payload.uploadKey : null;
    if (upload) await this.blobs.delete(upload);
    const committed = await this.versions.findByJob(job.id);
    const leftovers = [
      ...(payload && !upload ? [payload.uploadKey] : []),
      ...(committed
        ? []
        : [versionBlobKey(dataSourceId, job.id), sourceBlobKey(dataSourceId, job.id)]),
    ];
    await this.removeUnused(leftovers);
    if (job.status === 'succeeded') return this.status(dataSourceId, 'ready', null);
    const hasVersions = (await this.versions.list(dataSourceId)).length > 0;
    const reason = job.status === 'cancelled' ? 'cancelled' : (job.error?.message ?? 'failed');
    this.status(dataSourceId, hasVersions ? 'ready' : 'failed', reason);
  }

  /** Deletes the keys no live version uses (a re-ingest's input is its parent's original). */
  async removeUnused(keys: string[]): Promise<void> {
    const used = await this.lifecycle.inUse(keys);
    for (const key of keys) if (!used.has(key)) await this.blobs.delete(key);
  }

  private status(dataSourceId: string, status: DataSourceStatus, reason: string | null): void {
    this.nats.emit(DataToolsEvents.dataSourceStatusChanged, { dataSourceId, status, reason });
  }
}
