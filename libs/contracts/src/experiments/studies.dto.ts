import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MODEL_TYPES, TrainingSpecDto, type ModelType } from './training.dto.js';

export const PARAM_KINDS = ['float', 'int', 'categorical'] as const;
export const SAMPLERS = ['random', 'grid', 'tpe'] as const;
export const PRUNERS = ['none', 'median', 'successive_halving'] as const;
export const DIRECTIONS = ['minimize', 'maximize'] as const;

/** One hyperparameter of the search space, optionally only for some model types. */
export class SearchParamDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsIn(PARAM_KINDS)
  type!: (typeof PARAM_KINDS)[number];

  @IsOptional()
  @IsNumber()
  low?: number;

  @IsOptional()
  @IsNumber()
  high?: number;

  @IsOptional()
  @IsBoolean()
  log?: boolean;

  @IsOptional()
  @IsNumber()
  step?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  choices?: Array<string | number | boolean>;

  /** Conditional: suggested only when the trial's model type is one of these. */
  @IsOptional()
  @IsArray()
  @IsIn(MODEL_TYPES, { each: true })
  models?: ModelType[];
}

export class SamplerDto {
  @IsIn(SAMPLERS)
  type!: (typeof SAMPLERS)[number];

  @IsOptional()
  @IsInt()
  seed?: number;
}

export class PrunerDto {
  @IsIn(PRUNERS)
  type!: (typeof PRUNERS)[number];
}

export class BudgetDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  trials?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  timeoutSeconds?: number;
}

export class RegisterBestDto {
  @IsString()
  @Length(1, 500)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  alias?: string;
}

/** The REST body of POST /projects/:id/studies. */
export class StudyRequestDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  /** The MLflow experiment of the parent and trial runs (default "Studies"). */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  experimentName?: string;

  /** The training every trial runs, with the trial's model type and hyperparameters. */
  @ValidateNested()
  @Type(() => TrainingSpecDto)
  spec!: TrainingSpecDto;

  /** Model types to choose among (a categorical `model_type`); default: the spec's model type. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsIn(MODEL_TYPES, { each: true })
  modelTypes?: ModelType[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SearchParamDto)
  search!: SearchParamDto[];

  /** The validation metric to optimise (mean over folds); default r2 or accuracy. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  metric?: string;

  /** Default: maximise scores (r2, nse, accuracy...), minimise errors (rmse, mae...). */
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: (typeof DIRECTIONS)[number];

  @IsOptional()
  @ValidateNested()
  @Type(() => SamplerDto)
  sampler?: SamplerDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => PrunerDto)
  pruner?: PrunerDto;

  @ValidateNested()
  @Type(() => BudgetDto)
  budget!: BudgetDto;

  /** Trials run at once (each a job; replicas of the experiments service share them). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  parallelism?: number;

  /** Register the best trial's model under this name (and alias) when the study finishes. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RegisterBestDto)
  registerBest?: RegisterBestDto;
}

export class StartStudyDto extends StudyRequestDto {
  @IsUUID()
  projectId!: string;
}

export class StudyIdDto {
  @IsUUID()
  id!: string;
}

export class ProjectStudiesDto {
  @IsUUID()
  projectId!: string;
}

/** POST /studies/:id/register: the ended study's best trial's model, under this name (and alias). */
export class RegisterStudyBestDto extends RegisterBestDto {
  @IsUUID()
  id!: string;
}

export class TellRequestDto {
  @IsInt()
  @Min(0)
  trialNumber!: number;

  @IsOptional()
  @IsNumber()
  value?: number;

  /** COMPLETE needs a value; PRUNED and FAIL do not. */
  @IsOptional()
  @IsIn(['COMPLETE', 'PRUNED', 'FAIL'])
  state?: 'COMPLETE' | 'PRUNED' | 'FAIL';
}

export class TellStudyDto extends TellRequestDto {
  @IsUUID()
  id!: string;
}
