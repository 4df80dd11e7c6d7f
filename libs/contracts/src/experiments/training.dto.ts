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
import { ML_TASKS, type MlTask } from '../data-tools/quality.dto.js';

export const MODEL_TYPES = [
  'linear',
  'ridge',
  'lasso',
  'elastic_net',
  'logistic',
  'decision_tree',
  'random_forest',
  'gradient_boosting',
  'knn',
] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const SPLIT_MODES = ['random', 'stratified', 'time'] as const;
export const VALIDATION_MODES = ['holdout', 'kfold', 'timeseries'] as const;

/** One recipe step as stored: `{op, params}` (see libs/recipes). */
export class RecipeStepDto {
  @IsString()
  @Length(1, 100)
  op!: string;

  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class ModelChoiceDto {
  @IsIn(MODEL_TYPES)
  type!: ModelType;

  /** Hyperparameters in libs/ml's names (`nEstimators`, `maxDepth`, `learningRate`...). */
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class SplitDto {
  @IsOptional()
  @IsIn(SPLIT_MODES)
  mode?: (typeof SPLIT_MODES)[number];

  /** Fraction of rows held out as the test set (default 0.2). */
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(0.9)
  testFraction?: number;

  @IsOptional()
  @IsInt()
  seed?: number;

  /** Time-ordered split: rows are ordered by this column (default: version order). */
  @IsOptional()
  @IsString()
  @Length(1, 255)
  timeColumn?: string;
}

export class ValidationDto {
  @IsOptional()
  @IsIn(VALIDATION_MODES)
  mode?: (typeof VALIDATION_MODES)[number];

  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  folds?: number;
}

/** What to train: data, target, features, model, split, validation, metrics. */
export class TrainingSpecDto {
  @IsUUID()
  dataSourceId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  /** Recipe steps applied to the version before training (fitted steps keep their numbers). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RecipeStepDto)
  recipe?: RecipeStepDto[];

  @IsString()
  @Length(1, 255)
  target!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  features?: string[];

  @IsOptional()
  @IsIn(ML_TASKS)
  task?: MlTask;

  @ValidateNested()
  @Type(() => ModelChoiceDto)
  model!: ModelChoiceDto;

  /** A preset of the caller's: its hyperparameters, overridden by `model.params`. */
  @IsOptional()
  @IsUUID()
  presetId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SplitDto)
  split?: SplitDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ValidationDto)
  validation?: ValidationDto;

  /** Metric names to log (default: all of the task's). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  metrics?: string[];

  /** Skip the slower explanations (permutation importance, TreeSHAP). */
  @IsOptional()
  @IsBoolean()
  skipExplanations?: boolean;
}

/** The REST body of POST /projects/:id/trainings. */
export class TrainingRequestDto extends TrainingSpecDto {
  /** The MLflow experiment to log to (created in the project when missing; default "Trainings"). */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  experimentName?: string;

  @IsOptional()
  @IsString()
  @Length(1, 250)
  runName?: string;
}

export class StartTrainingDto extends TrainingRequestDto {
  @IsUUID()
  projectId!: string;
}

export class TrainingIdDto {
  @IsUUID()
  id!: string;
}

/** Predict with a model version: JSON rows now, or a data source version as a job (REST body). */
export class PredictRequestDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsObject({ each: true })
  rows?: Array<Record<string, unknown>>;

  @IsOptional()
  @IsUUID()
  dataSourceId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  dataVersion?: number;
}

export class PredictDto extends PredictRequestDto {
  @IsString()
  @Length(1, 500)
  name!: string;

  @IsString()
  @Length(1, 20)
  version!: string;
}

/** Where a model version's model file is (the gateway streams it from the blob store). */
export class ModelFileDto {
  @IsString()
  @Length(1, 500)
  name!: string;

  @IsString()
  @Length(1, 20)
  version!: string;
}
