import { contract, event } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import { ExportVersionDto, type ExportFile, type ExportQueued } from './export.dto.js';
import type { DataSourceStatus } from '../projects/projects.views.js';
import {
  AddVersionDto,
  DataSourceRefDto,
  VersionPreviewDto,
  UploadDataSourceDto,
  VersionRefDto,
} from './datasets.dto.js';
import type {
  DatasetPreview,
  DatasetVersionDetail,
  DatasetVersionView,
  UploadAccepted,
  VersionLocation,
} from './datasets.views.js';

export const DataToolsContracts = {
  upload: contract<UploadDataSourceDto, UploadAccepted>(
    'data-tools.datasets.upload',
    UploadDataSourceDto,
  ),
  addVersion: contract<AddVersionDto, JobView>('data-tools.versions.add', AddVersionDto),
  listVersions: contract<DataSourceRefDto, DatasetVersionView[]>(
    'data-tools.versions.list',
    DataSourceRefDto,
  ),
  getVersion: contract<VersionRefDto, DatasetVersionDetail>(
    'data-tools.versions.get',
    VersionRefDto,
  ),
  export: contract<ExportVersionDto, ExportFile | ExportQueued>(
    'data-tools.versions.export',
    ExportVersionDto,
  ),
  preview: contract<VersionPreviewDto, DatasetPreview>(
    'data-tools.versions.preview',
    VersionPreviewDto,
  ),
  /** Where a readable version's Parquet blob is (for services that read it with their own DuckDB). */
  locate: contract<VersionRefDto, VersionLocation>('data-tools.versions.locate', VersionRefDto),
} as const;

export interface DataSourceStatusChangedV1 {
  dataSourceId: string;
  status: DataSourceStatus;
  /** Readable reason when status is failed. */
  reason: string | null;
}

export const DataToolsEvents = {
  dataSourceStatusChanged: event<DataSourceStatusChangedV1>(
    'data-tools.data-sources.status-changed.v1',
  ),
} as const;
