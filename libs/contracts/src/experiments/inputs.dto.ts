import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { KeyValueDto } from './experiments.dto.js';
import { RunRefDto } from './runs.dto.js';

/** MLflow's Dataset with its length limits (mlflow/utils/validation.py). */
export class DatasetDto {
  @IsString()
  @MaxLength(500)
  name!: string;

  @IsString()
  @MaxLength(36)
  digest!: string;

  @IsString()
  @MaxLength(36)
  source_type!: string;

  @IsString()
  @MaxLength(65_535)
  source!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1_048_575)
  schema?: string;

  @IsOptional()
  @IsString()
  @MaxLength(16_384)
  profile?: string;
}

export class DatasetInputDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyValueDto)
  tags?: KeyValueDto[];

  @ValidateNested()
  @Type(() => DatasetDto)
  dataset!: DatasetDto;
}

export class LogInputsDto extends RunRefDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DatasetInputDto)
  datasets?: DatasetInputDto[];

  /** MLflow 3 model inputs: accepted, not stored. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  models?: object[];
}
