import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ColumnSchema,
  ColumnStats,
  IngestDetection,
  VersionOrigin,
  VersionParent,
  VersionProvenance,
  VersionRecipe,
} from '@hydroml/contracts';

/** One immutable version of a data source: a Parquet blob and what is known about it. */
@Entity({ name: 'dataset_versions' })
export class DatasetVersionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'data_source_id' })
  dataSourceId!: string;

  @Column('int')
  version!: number;

  @Column('text')
  origin!: VersionOrigin;

  @Column('jsonb')
  parents!: VersionParent[];

  /** The job that made it: unique, so a redelivered job never makes a second version. */
  @Column('uuid', { name: 'job_id', unique: true })
  jobId!: string;

  @Column('text', { name: 'blob_key' })
  blobKey!: string;

  @Column('text', { name: 'source_blob_key', nullable: true })
  sourceBlobKey!: string | null;

  @Column('text', { name: 'source_file_name', nullable: true })
  sourceFileName!: string | null;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  rows!: number;

  @Column('int')
  columns!: number;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  bytes!: number;

  @Column('text')
  sha256!: string;

  @Column('jsonb')
  schema!: ColumnSchema[];

  @Column('jsonb')
  stats!: ColumnStats[];

  @Column('jsonb')
  detection!: IngestDetection;

  @Column('jsonb')
  warnings!: string[];

  /** Prepared and fused versions: the recipe that made them from their base (lineage). */
  @Column('jsonb', { nullable: true })
  recipe?: VersionRecipe | null;

  /** Imported versions: the connection and the table or query read (never a secret). */
  @Column('jsonb', { nullable: true })
  provenance?: VersionProvenance | null;

  /** Soft delete: hidden from every read; a purge job removes the blobs. */
  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt?: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
