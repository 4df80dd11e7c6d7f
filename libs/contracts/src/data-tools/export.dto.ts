import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import type { JobView } from '../jobs/jobs.views.js';
import { VersionRefDto } from './datasets.dto.js';

export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The options of an export (the body of POST .../versions/:n/export). */
export class ExportOptionsDto {
  /** `job`: always run as a job with a download link; `direct`: stream it now; default by size. */
  @IsOptional()
  @IsIn(['auto', 'direct', 'job'])
  mode?: 'auto' | 'direct' | 'job';

  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  /** A subset of the version's columns, in this order (all by default). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  columns?: string[];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  limit?: number;
}

export class ExportVersionDto extends VersionRefDto {
  /** `job`: always run as a job with a download link; `direct`: stream it now; default by size. */
  @IsOptional()
  @IsIn(['auto', 'direct', 'job'])
  mode?: 'auto' | 'direct' | 'job';

  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  columns?: string[];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  limit?: number;
}

/** A file ready in the blob store; the gateway streams it and removes it. */
export interface ExportFile {
  blobKey: string;
  fileName: string;
  contentType: string;
  bytes: number;
  rows: number;
}

/** A large export runs as a job; its result carries a download link that expires. */
export interface ExportQueued {
  job: JobView;
}

/** What an export job's result holds. */
export interface ExportJobResult extends ExportFile {
  /** GET this (authenticated) until expiresAt. */
  downloadUrl: string;
  expiresAt: string;
}
