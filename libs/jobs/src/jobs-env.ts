import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@hydroml/nest-kit';
import type { JobSettings } from './jobs.providers.js';

/** The settings of a service that runs jobs; its own env class extends this one. */
export class JobsEnv extends BaseEnv implements JobSettings {
  /** JetStream redelivers a job whose worker neither acked nor sent a heartbeat for this long. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  JOB_ACK_WAIT_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  JOB_HEARTBEAT_MS = 5_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  JOB_MAX_ATTEMPTS = 3;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  JOB_RETRY_BASE_MS = 2_000;
}
