import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COLUMN_TYPES } from './datasets.views.js';

export const INGEST_FORMATS = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'parquet', 'xlsx'] as const;
export const INGEST_ENCODINGS = ['utf-8', 'utf-16', 'latin-1'] as const;

/** Choices a user may force instead of detection. */
export class IngestOptionsDto {
  @IsOptional()
  @IsIn(INGEST_FORMATS)
  format?: (typeof INGEST_FORMATS)[number];

  @IsOptional()
  @IsIn(INGEST_ENCODINGS)
  encoding?: (typeof INGEST_ENCODINGS)[number];

  @IsOptional()
  @IsString()
  @Length(1, 1)
  delimiter?: string;

  /** The worksheet of a workbook: its name or 1-based position (the first by default). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sheet?: string;

  /** Column name -> type, to override inference. */
  @IsOptional()
  @IsObject()
  types?: Record<string, (typeof COLUMN_TYPES)[number]>;
}

/** Where an imported version came from (recorded in its lineage; never a secret). */
export class ImportProvenanceDto {
  @IsUUID()
  connectionId!: string;

  @IsString()
  @MaxLength(120)
  connectionName!: string;

  @IsIn(['postgresql', 'mysql', 'sqlite'])
  connectionType!: 'postgresql' | 'mysql' | 'sqlite';

  @IsOptional()
  @IsString()
  @MaxLength(255)
  table?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  query?: string;

  /** Incremental imports: the key column, the previous maximum and this import's maximum. */
  @IsOptional()
  @IsObject()
  incremental?: { column: string; after: string | null; max: string | null };

  /** The connectors job that read the rows. */
  @IsOptional()
  @IsUUID()
  importJobId?: string;
}

export class UploadedFileDto {
  @IsString()
  @Matches(/^uploads\/[0-9a-f-]{36}$/)
  uploadKey!: string;

  @IsString()
  @MaxLength(255)
  fileName!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IngestOptionsDto)
  options?: IngestOptionsDto;
  /** Imports: where the rows came from (the version's origin is then `imported`). */
  @IsOptional()
  @ValidateNested()
  @Type(() => ImportProvenanceDto)
  provenance?: ImportProvenanceDto;

  /** `append`: the new version holds the latest version's rows, then these (incremental imports). */
  @IsOptional()
  @IsIn(['replace', 'append'])
  mode?: 'replace' | 'append';
}

export class UploadDataSourceDto extends UploadedFileDto {
  @IsUUID()
  projectId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class AddVersionDto extends UploadedFileDto {
  @IsUUID()
  dataSourceId!: string;
}

export class DataSourceRefDto {
  @IsUUID()
  dataSourceId!: string;
}

export class VersionRefDto extends DataSourceRefDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

export class VersionPreviewDto extends VersionRefDto {
  /** Keyset paging: the rows after this row number (the previous page's `nextAfter`). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-1)
  after?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
