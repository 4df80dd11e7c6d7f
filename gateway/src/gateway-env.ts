import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsString, Max, Min } from 'class-validator';
import { BaseEnv } from '@hydroml/nest-kit';

export class GatewayEnv extends BaseEnv {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Comma-separated origins allowed by CORS (empty: no cross-origin browser access). */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  CORS_ORIGINS: string[] = ['http://localhost:3000', 'http://localhost:5173'];

  /** Largest JSON body accepted (bytes); larger requests answer 413. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Requests per minute per client (principal, else IP) across the API. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 60_000;

  /** Failed logins per minute per client before login answers 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_MINUTE = 10;

  /** Registrations per minute per client. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REGISTER_PER_MINUTE = 20;

  /** Honour X-Forwarded-For (only behind a trusted proxy). */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY = false;

  /** Largest file upload accepted (bytes, default 2 GiB); larger ones answer 413, nothing stored. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3;

  /** Blob store shared with data-tools: `fs` (BLOB_DIR) or `nats` (JetStream object store). */
  @IsIn(['fs', 'nats'])
  BLOB_BACKEND: 'fs' | 'nats' = 'fs';

  @IsString()
  BLOB_DIR = 'data/blobs';
}
