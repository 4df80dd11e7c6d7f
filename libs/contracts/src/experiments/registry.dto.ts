import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { KeyValueDto } from './experiments.dto.js';

const NAME = 256;
const TEXT = 5000;

/** Query strings carry booleans as text. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ModelNameDto {
  @IsString()
  @MaxLength(NAME)
  name!: string;
}

export class CreateRegisteredModelDto extends ModelNameDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValueDto)
  tags?: KeyValueDto[];

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  description?: string;

  /** HydroML extension: the project to register it in (default: the caller's default project). */
  @IsOptional()
  @IsUUID()
  project_id?: string;
}

export class RenameRegisteredModelDto extends ModelNameDto {
  @IsString()
  @MaxLength(NAME)
  new_name!: string;
}

export class UpdateRegisteredModelDto extends ModelNameDto {
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  description?: string;
}

export class ModelTagDto extends ModelNameDto {
  @IsString()
  @MaxLength(NAME)
  key!: string;

  @IsString()
  @MaxLength(TEXT)
  value!: string;
}

export class ModelTagKeyDto extends ModelNameDto {
  @IsString()
  @MaxLength(NAME)
  key!: string;
}

export class SearchRegistryDto {
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  filter?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  max_results?: number;

  /** A query string may repeat `order_by` or give it once. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  order_by?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  page_token?: string;
}

export class LatestVersionsDto extends ModelNameDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  stages?: string[];
}

export class AliasDto extends ModelNameDto {
  @IsString()
  @MaxLength(NAME)
  alias!: string;
}

export class SetAliasDto extends AliasDto {
  @IsString()
  @MaxLength(20)
  version!: string;
}

export class CreateModelVersionDto extends ModelNameDto {
  @IsString()
  @MaxLength(TEXT)
  source!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  run_id?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValueDto)
  tags?: KeyValueDto[];

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  run_link?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  description?: string;
}

export class ModelVersionRefDto extends ModelNameDto {
  @IsString()
  @MaxLength(20)
  version!: string;
}

export class UpdateModelVersionDto extends ModelVersionRefDto {
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  description?: string;
}

export class TransitionStageDto extends ModelVersionRefDto {
  @IsString()
  @MaxLength(20)
  stage!: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  archive_existing_versions?: boolean;
}

export class ModelVersionTagDto extends ModelVersionRefDto {
  @IsString()
  @MaxLength(NAME)
  key!: string;

  @IsString()
  @MaxLength(TEXT)
  value!: string;
}

export class ModelVersionTagKeyDto extends ModelVersionRefDto {
  @IsString()
  @MaxLength(NAME)
  key!: string;
}
