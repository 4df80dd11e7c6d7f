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
  /** A SQL-console save: the query run over the base after the steps (the view `data`). */
  query?: string;
}

/** How an imported version was read (no secrets: the connection by id and name). */
export interface VersionProvenance {
  connectionId: string;
  connectionName: string;
  connectionType: 'postgresql' | 'mysql' | 'sqlite';
  table?: string;
  query?: string;
  incremental?: { column: string; after: string | null; max: string | null };
  importJobId?: string;
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
  /** Imported versions: the connection and the table or query read. */
  provenance?: VersionProvenance | null;
  /** Prepared and fused versions: the recipe that made them (lineage). */
  recipe?: VersionRecipe | null;
}

/** A version's Parquet blob, after an access check (`data-tools.versions.locate`). */
export interface VersionLocation {
  dataSourceId: string;
  version: number;
  blobKey: string;
  sha256: string;
  rows: number;
  schema: ColumnSchema[];
}

export interface DatasetVersionDetail extends DatasetVersionView {
  stats: ColumnStats[];
}

export interface DatasetPreview {
  columns: ColumnSchema[];
  /** Keyset paging: pass as `after` to read the rows that follow this page (null at the end). */
  nextAfter?: number | null;
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

/** One version in a lineage graph; versions of data sources the caller cannot read show no details. */
export interface LineageNode {
  /** `<dataSourceId>@<version>` */
  id: string;
  dataSourceId: string;
  version: number;
  origin: VersionOrigin | null;
  rows: number | null;
  createdAt: string | null;
  provenance: VersionProvenance | null;
  /** False when the caller may not read that data source: only the reference is shown. */
  visible: boolean;
  deleted: boolean;
}

/** Edges go from a parent version to the version made from it. */
export interface DatasetLineage {
  dataSourceId: string;
  nodes: LineageNode[];
  edges: Array<{ from: string; to: string }>;
}
