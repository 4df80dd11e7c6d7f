import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { contract } from '../contract.js';

/**
 * Before the gateway touches a run's artifacts in the blob store it asks the experiments service:
 * either a proxied path (`<experiment>/<run>/artifacts/<rel>`) or a run id and a relative path.
 */
export class AuthorizeArtifactsDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  path?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  run_id?: string;

  @IsIn(['read', 'write'])
  action!: 'read' | 'write';
}

export interface ArtifactGrant {
  /** The run's artifact root in the blob store, e.g. `mlflow-artifacts/<run hex>`. */
  prefix: string;
  /** The validated path below the root ('' for the root itself). */
  relative: string;
  /** The run's artifact URI, as MLflow reports `root_uri`. */
  root_uri: string;
}

export const ArtifactsContracts = {
  authorize: contract<AuthorizeArtifactsDto, ArtifactGrant>(
    'experiments.artifacts.authorize',
    AuthorizeArtifactsDto,
  ),
} as const;
