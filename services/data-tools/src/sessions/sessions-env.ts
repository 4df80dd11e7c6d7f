import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Settings of studio sessions (read once at boot with loadEnv). */
export class SessionsEnv {
  /** A session nobody used for this many seconds is gone (24 hours by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SESSION_IDLE_TTL_SECONDS = 24 * 3600;

  /** How often each replica deletes idle sessions. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SESSION_SWEEP_SECONDS = 300;

  /** Rows returned with every change of a session (the preview). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  SESSION_PREVIEW_ROWS = 100;
}
