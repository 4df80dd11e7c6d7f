import type { JobView } from '../jobs/jobs.views.js';
import type { DataSourceView } from '../projects/projects.views.js';

export const COLUMN_TYPES = [
  'integer',
  'float',
  'boolean',
  'date',
  'timestamp',
  'string',
  'other',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const VERSION_ORIGINS = ['uploaded', 'imported', 'prepared', 'fused'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  /** The engine's own type, e.g. BIGINT, DOUBLE, VARCHAR, TIMESTAMP. */
  sourceType: string;
}

/** From the Parquet row-group statistics (null when the file has none for the column). */
export interface ColumnStats {
  name: string;
  nulls: number | null;
  min: string | null;
  max: string | null;
}

/** How the file was read: what was detected (or given) and applied. */
export interface IngestDetection {
  format: 'csv' | 'json' | 'parquet' | 'xlsx';
  /** The worksheet read from a workbook. */
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  quote?: string;
  header?: boolean;
  dateFormat?: string | null;
}

export interface VersionParent {
  dataSourceId: string;
  version: number;
}

/** One recipe step as stored and sent over the wire: `{ op: 'family.verb', params }`. */
export interface RecipeStepView {
  op: string;
  params: Record<string, unknown>;
}

/** What a prepared version's lineage records: the recipe that made it from its base. */
export interface VersionRecipe {
  base: VersionParent;
  steps: RecipeStepView[];
  sessionId?: string;
}

export interface DatasetVersionView {
  id: string;
  dataSourceId: string;
  version: number;
  origin: VersionOrigin;
  parents: VersionParent[];
  jobId: string;
  sourceFileName: string | null;
  rows: number;
  columns: number;
  bytes: number;
  sha256: string;
  schema: ColumnSchema[];
  detection: IngestDetection;
  warnings: string[];
  createdBy: string | null;
  createdAt: string;
  /** Prepared and fused versions: the recipe that made them (lineage). */
  recipe?: VersionRecipe | null;
}

export interface DatasetVersionDetail extends DatasetVersionView {
  stats: ColumnStats[];
}

export interface DatasetPreview {
  columns: ColumnSchema[];
  /** Row values as JSON (big integers and dates as strings). */
  rows: Array<Record<string, unknown>>;
  offset: number;
  limit: number;
  total: number;
}

export interface UploadAccepted {
  dataSource: DataSourceView;
  job: JobView;
}
