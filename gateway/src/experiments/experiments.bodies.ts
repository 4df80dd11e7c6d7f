import { OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import {
  CreateExperimentDto,
  MetricHistoryDto,
  NativeSearchRunsDto,
  ProjectExperimentsDto,
} from '@hydroml/contracts';

/** REST bodies and queries: the contract DTOs without the ids that come from the path. */
export class CreateExperimentBody extends OmitType(CreateExperimentDto, ['project_id'] as const) {}
export class ProjectExperimentsQuery extends OmitType(ProjectExperimentsDto, [
  'project_id',
] as const) {}
export class SearchRunsBody extends OmitType(NativeSearchRunsDto, ['experiment_ids'] as const) {}
export class HistoryQuery extends OmitType(MetricHistoryDto, [
  'run_id',
  'run_uuid',
  'metric_key',
] as const) {}

export class CompareQuery {
  /** Comma-separated run ids. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  )
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  ids!: string[];
}
