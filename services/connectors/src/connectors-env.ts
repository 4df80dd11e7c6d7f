import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { JobsEnv } from '@hydroml/jobs';

export class ConnectorsEnv extends JobsEnv {
  /**
   * Keys that encrypt stored credentials: `id:base64-of-32-bytes`, comma-separated, the first one
   * current. Add a new key first to rotate: rows under older keys are re-encrypted at boot.
   * The default is for development only; production must set it.
   */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'CONNECTOR_KEYS must be id:base64(32 bytes)[,id:base64(32 bytes)...]',
  })
  CONNECTOR_KEYS = 'dev:ZGV2ZWxvcG1lbnQtb25seS1jb25uZWN0b3Ita2V5ISE=';

  /** Hosts or CIDRs never connected to (besides link-local and cloud-metadata addresses). */
  @IsString()
  CONNECTOR_DENY_HOSTS = '';

  /** When set, only these hosts or CIDRs may be connected to. */
  @IsString()
  CONNECTOR_ALLOW_HOSTS = '';

  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(120_000)
  CONNECT_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  QUERY_TIMEOUT_MS = 30_000;

  /**
   * How long an import's query may run (it streams every row, so far longer than a preview):
   * the server cancels it then and the job fails with a readable error.
   */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(86_400_000)
  IMPORT_QUERY_TIMEOUT_MS = 1_800_000;

  /** The blob store shared with the gateway and data-tools (imports are written there). */
  @IsIn(['fs', 'nats'])
  BLOB_BACKEND: 'fs' | 'nats' = 'fs';

  @IsString()
  BLOB_DIR = 'data/blobs';
}
