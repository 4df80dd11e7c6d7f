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
import { VersionRefDto } from './datasets.dto.js';

export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The options of an export (the body of POST .../versions/:n/export). */
export class ExportOptionsDto {
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
