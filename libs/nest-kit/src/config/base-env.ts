import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Settings every service reads from the environment (documented in .env.example). */
export class BaseEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hydroml';

  @Matches(/^(nats|tls):\/\//, { message: 'NATS_URL must be a nats:// URL' })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsOptional()
  @Matches(/^[a-zA-Z0-9_-]*$/, { message: 'NATS_SUBJECT_PREFIX may hold letters, digits, _ and -' })
  NATS_SUBJECT_PREFIX = '';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  REDIS_KEY_PREFIX = 'hydroml:';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /** How long a stopping service keeps answering in-flight NATS requests after unsubscribing. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS = 2000;

  /** Port of the HTTP /healthz and /readyz probes (0: off, the default outside containers). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  HEALTH_PORT = 0;
}
