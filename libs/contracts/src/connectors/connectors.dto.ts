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
} from 'class-validator';

export const CONNECTION_TYPES = ['postgresql', 'mysql', 'sqlite'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const SSL_MODES = ['disable', 'require', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export class CreateConnectionDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsIn(CONNECTION_TYPES)
  type!: ConnectionType;

  @IsString()
  @Length(1, 255)
  host!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  port?: number;

  @IsString()
  @Length(1, 128)
  database!: string;

  @IsString()
  @Length(1, 128)
  user!: string;

  /** Stored encrypted; never returned by any API. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsIn(SSL_MODES)
  sslMode?: SslMode;

  /** PEM of the CA to trust with sslMode verify-full. */
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  sslCa?: string;

  @IsOptional()
  @IsObject()
  options?: Record<string, string>;
}

export class UpdateConnectionDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  host?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65_535)
  port?: number;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  database?: string;

  @IsOptional()
  @IsString()
  @Length(1, 128)
  user?: string;

  /** Absent: the stored password is kept. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsIn(SSL_MODES)
  sslMode?: SslMode;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  sslCa?: string;
}

export class ConnectionIdDto {
  @IsUUID()
  id!: string;
}

export class DescribeTableDto {
  @IsUUID()
  id!: string;

  /** `schema.table` or just `table` (the default schema). */
  @IsString()
  @Length(1, 255)
  table!: string;
}

export class PreviewDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  table?: string;

  /** A single read-only SELECT (or WITH ... SELECT) statement. */
  @IsOptional()
  @IsString()
  @Length(1, 100_000)
  query?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/**
 * Import a table or a read-only query: into a new data source of a project (projectId + name), or
 * as a new version of an existing data source (dataSourceId).
 */
export class ImportDto {
  @IsUUID()
  id!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  table?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100_000)
  query?: string;

  @IsOptional()
  @IsUUID()
  projectId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsOptional()
  @IsUUID()
  dataSourceId?: string;

  /**
   * Incremental import (with dataSourceId): only rows whose key column is greater than the
   * maximum the previous incremental import on that column saw, appended to the latest version.
   */
  @IsOptional()
  @IsString()
  @Length(1, 128)
  incrementalColumn?: string;
}

/** A SQLite database: a file the gateway streamed into the blob store. */
export class CreateSqliteConnectionDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsString()
  @Matches(/^connections\/[0-9a-f-]{36}\.sqlite$/)
  blobKey!: string;

  @IsString()
  @MaxLength(255)
  fileName!: string;
}
