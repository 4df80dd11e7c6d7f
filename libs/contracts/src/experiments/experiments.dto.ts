import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];

/** A key/value pair as MLflow sends it (limits are checked by the service with MLflow's messages). */
export class KeyValueDto {
  @IsString()
  @MaxLength(1000)
  key!: string;

  @IsString()
  @MaxLength(100_000)
  value!: string;
}

export class CreateExperimentDto {
  @IsString()
  @MaxLength(1000)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  artifact_location?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValueDto)
  tags?: KeyValueDto[];

  /** HydroML extension: the project to create it in (default: the caller's default project). */
  @IsOptional()
  @IsUUID()
  project_id?: string;
}

export class ExperimentIdDto {
  @IsString()
  @MaxLength(64)
  experiment_id!: string;
}

export class ExperimentByNameDto {
  @IsString()
  @MaxLength(1000)
  experiment_name!: string;
}

export class UpdateExperimentDto {
  @IsString()
  @MaxLength(64)
  experiment_id!: string;

  @IsString()
  @MaxLength(1000)
  new_name!: string;
}

export class SetExperimentTagDto {
  @IsString()
  @MaxLength(64)
  experiment_id!: string;

  @IsString()
  @MaxLength(1000)
  key!: string;

  @IsString()
  @MaxLength(100_000)
  value!: string;
}

export class DeleteExperimentTagDto {
  @IsString()
  @MaxLength(64)
  experiment_id!: string;

  @IsString()
  @MaxLength(1000)
  key!: string;
}

export class SearchExperimentsDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  max_results?: number;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  page_token?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  filter?: string;

  /** A query string may give `order_by` once (a string) or repeat it. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  order_by?: string[];

  @IsOptional()
  @IsIn(VIEW_TYPES)
  view_type?: ViewType;
}
