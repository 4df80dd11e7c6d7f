import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { JobsEnv } from '@hydroml/jobs';
import { DEFAULT_RECIPE_LIMITS } from '@hydroml/recipes';

/** Settings of the experiments service: jobs, the blob store, DuckDB and training workers. */
export class ExperimentsEnv extends JobsEnv {
  /** Where blobs live: `fs` (BLOB_DIR, shared with the gateway) or `nats` (object store). */
  @IsIn(['fs', 'nats'])
  BLOB_BACKEND: 'fs' | 'nats' = 'fs';

  @IsString()
  BLOB_DIR = 'data/blobs';

  /** Scratch space: versions copied from a remote blob store, Parquet written for predictions. */
  @IsString()
  EXPERIMENTS_WORK_DIR = join(tmpdir(), 'hydroml-experiments');

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  DUCKDB_THREADS = 2;

  @Matches(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/)
  DUCKDB_MEMORY_LIMIT = '512MiB';

  /** Worker threads a random forest or boosting fit may use inside one training. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  TRAINING_THREADS = 2;

  /** Rows a synchronous prediction request may carry. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PREDICT_MAX_ROWS = 10_000;

  /**
   * Rows a prediction job predicts at a time: the version streams through in pieces of this size,
   * so memory stays bounded whatever its size (all rows at once took ~1 GB of JS arrays per 10M
   * rows and feature).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PREDICT_CHUNK_ROWS = 100_000;

  /** Largest estimated output of a join step in a recipe applied here (as in data-tools). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  JOIN_MAX_ROWS = DEFAULT_RECIPE_LIMITS.joinMaxRows;

  /** Most rows a resample step filling empty periods may write here (as in data-tools). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RESAMPLE_MAX_ROWS = DEFAULT_RECIPE_LIMITS.resampleMaxRows;
}
