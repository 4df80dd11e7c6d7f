import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { JobsEnv } from '@hydroml/jobs';
import { DEFAULT_RECIPE_LIMITS } from '@hydroml/recipes';

export class DataToolsEnv extends JobsEnv {
  /** Where blobs live: `fs` (BLOB_DIR, shared with the gateway) or `nats` (object store). */
  @IsIn(['fs', 'nats'])
  BLOB_BACKEND: 'fs' | 'nats' = 'fs';

  @IsString()
  BLOB_DIR = 'data/blobs';

  /** Scratch space for ingestion (downloads, temporary Parquet). */
  @IsString()
  DATA_TOOLS_WORK_DIR = join(tmpdir(), 'hydroml-data-tools');

  /** Size bound of the local cache of dataset versions this replica queries. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  VERSION_CACHE_MAX_BYTES = 2 * 1024 ** 3;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  DUCKDB_THREADS = 2;

  @Matches(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/)
  DUCKDB_MEMORY_LIMIT = '512MiB';

  /**
   * Largest estimated output of a join step (checked before the join runs, whenever a recipe is
   * compiled against data); a step's own `maxRows` can only lower it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JOIN_MAX_ROWS = DEFAULT_RECIPE_LIMITS.joinMaxRows;

  /**
   * Most rows a resample step may write when it fills empty periods (counted from the groups'
   * bounds as it runs): a wrong year in a time column would otherwise ask for millions of periods.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RESAMPLE_MAX_ROWS = DEFAULT_RECIPE_LIMITS.resampleMaxRows;
}
