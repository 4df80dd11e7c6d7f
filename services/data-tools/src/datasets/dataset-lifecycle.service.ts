import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ProjectsContracts,
  type CallContext,
  type DatasetLineage,
  type JobView,
  type LineageNode,
  type ReingestDto,
  type VersionProvenance,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { AccessClient } from '../access/access.client.js';
import { PURGE } from '../jobs/purge.job.js';
import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import {
  VersionLifecycleRepository,
  type LineageRow,
} from '../versions/version-lifecycle.repository.js';
import { VersionsRepository } from '../versions/versions.repository.js';
import { DatasetsService } from './datasets.service.js';

/** Re-ingestion with explicit types, soft deletion (blobs removed by a job) and lineage. */
@Injectable()
export class DatasetLifecycleService {
  constructor(
    private readonly nats: NatsClient,
    private readonly access: AccessClient,
    private readonly queue: JobQueue,
    private readonly versions: VersionsRepository,
    private readonly lifecycle: VersionLifecycleRepository,
    private readonly datasets: DatasetsService,
  ) {}

  /** Reads a version's kept original again with the given column types, as a new version. */
  async reingest(call: CallContext, dto: ReingestDto): Promise<JobView> {
    const resource = { type: 'data_source' as const, id: dto.dataSourceId };
    const userId = await this.access.require(call, resource, 'write');
    const version = await this.existing(dto.dataSourceId, dto.version);
    if (!version.sourceBlobKey) {
      throw new DomainError(
        'failed_precondition',
        `version ${dto.version} keeps no original file (it was ${version.origin === 'imported' ? 'appended by an incremental import' : version.origin}): re-ingest the version it was made from`,
      );
    }
    const detection = version.detection;
    const options = {
      ...(detection.format === 'xlsx' ? { format: 'xlsx' as const } : {}),
      ...(detection.format === 'json' ? { format: 'json' as const } : {}),
      ...(detection.delimiter ? { delimiter: detection.delimiter } : {}),
      ...(detection.encoding ? { encoding: detection.encoding as 'utf-8' } : {}),
      ...((dto.sheet ?? detection.sheet) ? { sheet: dto.sheet ?? detection.sheet } : {}),
      types: dto.types,
    };
    return this.datasets.enqueue(
      dto.dataSourceId,
      {
        ...{ uploadKey: version.sourceBlobKey, fileName: version.sourceFileName ?? 'original' },
        ...{ options, reingestOf: { dataSourceId: dto.dataSourceId, version: dto.version } },
        ...(version.provenance ? { provenance: version.provenance } : {}),
      },
      userId,
    );
  }

  async deleteVersion(call: CallContext, dataSourceId: string, n: number): Promise<void> {
    const userId = await this.access.require(
      call,
      { type: 'data_source', id: dataSourceId },
      'write',
    );
    await this.existing(dataSourceId, n);
    const dependents = await this.lifecycle.dependents({ dataSourceId, version: n });
    if (dependents.length > 0) {
      const named = dependents.map((d) => `data source ${d.dataSourceId} version ${d.version}`);
      throw new DomainError(
        'conflict',
        `version ${n} cannot be deleted: ${named.join(', ')} ${dependents.length === 1 ? 'was' : 'were'} made from it`,
        { dependents },
      );
    }
    const keys = await this.lifecycle.softDelete(dataSourceId, n);
    await this.purge(dataSourceId, keys, userId);
  }

  /** Removes the catalogue entry (projects checks its own rules), then the versions' data. */
  async deleteDataSource(call: CallContext, dataSourceId: string): Promise<void> {
    const userId = await this.access.require(
      call,
      { type: 'data_source', id: dataSourceId },
      'write',
    );
    await this.nats.request(ProjectsContracts.deleteDataSource, { id: dataSourceId }, call);
    await this.access.revoke({ type: 'data_source', id: dataSourceId });
    const keys = await this.lifecycle.softDelete(dataSourceId);
    await this.purge(dataSourceId, keys, userId);
  }

  async lineage(call: CallContext, dataSourceId: string): Promise<DatasetLineage> {
    await this.access.require(call, { type: 'data_source', id: dataSourceId }, 'read');
    const rows = await this.lifecycle.lineage(dataSourceId);
    const readable = new Map<string, boolean>([[dataSourceId, true]]);
    for (const id of new Set(rows.map((r) => r.dataSourceId))) {
      if (readable.has(id)) continue;
      const ok = await this.access
        .require(call, { type: 'data_source', id }, 'read')
        .then(() => true)
        .catch(() => false);
      readable.set(id, ok);
    }
    const nodes = rows.map((row) => lineageNode(row, readable.get(row.dataSourceId) ?? false));
    const ids = new Set(nodes.map((n) => n.id));
    const edges = rows.flatMap((row) =>
      row.parents
        .map((p) => ({ from: `${p.dataSourceId}@${p.version}`, to: nodeId(row) }))
        .filter((e) => ids.has(e.from)),
    );
    return { dataSourceId, nodes, edges };
  }

  private async existing(dataSourceId: string, n: number): Promise<DatasetVersionEntity> {
    const version = await this.versions.find(dataSourceId, n);
    if (!version) throw new DomainError('not_found', `version ${n} not found`);
    return version;
  }

  private async purge(dataSourceId: string, keys: string[], userId: string): Promise<void> {
    if (keys.length === 0) return;
    await this.queue.enqueue(
      PURGE,
      { keys },
      { resource: { type: 'data_source', id: dataSourceId }, createdBy: userId },
    );
  }
}

function nodeId(row: { dataSourceId: string; version: number }): string {
  return `${row.dataSourceId}@${row.version}`;
}

function lineageNode(row: LineageRow, visible: boolean): LineageNode {
  const base = { id: nodeId(row), dataSourceId: row.dataSourceId, version: row.version, visible };
  if (!visible) {
    return {
      ...base,
      origin: null,
      rows: null,
      createdAt: null,
      provenance: null,
      deleted: row.deleted,
    };
  }
  return {
    ...base,
    origin: row.origin as LineageNode['origin'],
    rows: Number(row.rows),
    createdAt: new Date(row.createdAt).toISOString(),
    provenance: (row.provenance as VersionProvenance | null) ?? null,
    deleted: row.deleted,
  };
}
