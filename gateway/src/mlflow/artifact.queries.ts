import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ArtifactListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  path?: string;
}

export class RunArtifactListQuery extends ArtifactListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  run_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  run_uuid?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  page_token?: string;
}
