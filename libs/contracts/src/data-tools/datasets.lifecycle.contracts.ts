import { contract, type Ok } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import { DataSourceRefDto, VersionRefDto } from './datasets.dto.js';
import { ReingestDto } from './datasets.lifecycle.dto.js';
import type { DatasetLineage } from './datasets.views.js';

/** Re-ingestion, deletion and lineage of data sources and versions. */
export const DatasetLifecycleContracts = {
  reingest: contract<ReingestDto, JobView>('data-tools.versions.reingest', ReingestDto),
  /** Soft delete; conflict naming the versions made from it. */
  deleteVersion: contract<VersionRefDto, Ok>('data-tools.versions.delete', VersionRefDto),
  /** Removes the catalogue entry (projects) and soft-deletes every version; a job removes blobs. */
  deleteDataSource: contract<DataSourceRefDto, Ok>(
    'data-tools.data-sources.delete',
    DataSourceRefDto,
  ),
  lineage: contract<DataSourceRefDto, DatasetLineage>(
    'data-tools.data-sources.lineage',
    DataSourceRefDto,
  ),
} as const;
