import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseEnv } from '@hydroml/nest-kit';

export class AuthEnv extends BaseEnv {
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  SIGNING_KEY_ROTATION_DAYS = 30;

  /** Encrypts the JWT signing keys at rest. Required (no default) in production. */
  @IsString()
  @MinLength(16, { message: 'AUTH_KEY_ENCRYPTION_SECRET must be at least 16 characters' })
  AUTH_KEY_ENCRYPTION_SECRET = 'development-only-key-encryption-secret';

  /** argon2id memory cost in KiB (OWASP: 19 MiB with t=2, p=1). */
  @Type(() => Number)
  @IsInt()
  @Min(8192)
  ARGON2_MEMORY_KIB = 19_456;
}
