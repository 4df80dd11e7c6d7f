import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionRefDto, DataSourceRefDto } from './datasets.dto.js';

import { ML_TASKS, type MlTask } from './quality.views.js';

export { ML_TASKS, type MlTask };

/** "May I train on this?": target and features of a version, checked before a training job. */
export class PreflightDto extends VersionRefDto {
  @IsString()
  @Length(1, 255)
  target!: string;

  /** The feature columns; every other column by default. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  features?: string[];

  /** Inferred from the target when absent. */
  @IsOptional()
  @IsIn(ML_TASKS)
  task?: MlTask;
}

/** Profile of a version: compute (a job) or read the stored one. */
export class ProfileRequestDto extends VersionRefDto {
  /** Recompute even when a profile is stored. */
  @IsOptional()
  @IsBoolean()
  refresh?: boolean;
}

/** One expectation in Great Expectations' vocabulary: `expect_column_values_to_not_be_null` ... */
export class ExpectationDto {
  @IsString()
  @Length(1, 100)
  type!: string;

  /** The expectation's kwargs (`column`, `min_value`, `value_set`, `mostly`, ...). */
  @IsObject()
  kwargs!: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  meta?: Record<string, unknown>;
}

export class CreateSuiteDto extends DataSourceRefDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ExpectationDto)
  expectations?: ExpectationDto[];

  /** Generate the starting expectations from this version's profile (computed if needed). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  fromVersion?: number;

  /** Validate every new version of the data source against this suite. */
  @IsOptional()
  @IsBoolean()
  autoValidate?: boolean;
}

export class SuiteRefDto {
  @IsUUID()
  suiteId!: string;
}

export class ValidateSuiteDto extends SuiteRefDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  /** How many unexpected rows to keep per expectation (default 20). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(200)
  sampleSize?: number;
}

export class ValidationRefDto {
  @IsUUID()
  validationId!: string;
}

export class ValidationHistoryDto extends DataSourceRefDto {
  @IsOptional()
  @IsUUID()
  suiteId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(1)
  @Max(500)
  limit?: number;
}
