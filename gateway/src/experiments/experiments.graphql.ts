import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ExperimentView, MetricView, RunView } from '@hydroml/contracts';

@ObjectType('KeyValue')
export class KeyValueType {
  @Field() key!: string;
  @Field() value!: string;
}

@ObjectType('Experiment')
export class ExperimentType {
  @Field(() => ID) experimentId!: string;
  @Field() name!: string;
  @Field() artifactLocation!: string;
  @Field() lifecycleStage!: string;
  @Field(() => Float) creationTime!: number;
  @Field(() => Float) lastUpdateTime!: number;
  @Field(() => [KeyValueType]) tags!: KeyValueType[];
}

@ObjectType('ExperimentPage')
export class ExperimentPageType {
  @Field(() => [ExperimentType]) items!: ExperimentType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType('Metric')
export class MetricType {
  @Field() key!: string;
  /** Null for NaN and the infinities, which GraphQL floats cannot carry; see valueText. */
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field() valueText!: string;
  @Field(() => Float) timestamp!: number;
  @Field(() => Float) step!: number;
}

@ObjectType('Run')
export class RunType {
  @Field(() => ID) runId!: string;
  @Field() runName!: string;
  @Field(() => ID) experimentId!: string;
  @Field() userId!: string;
  @Field() status!: string;
  @Field(() => Float) startTime!: number;
  @Field(() => Float, { nullable: true }) endTime!: number | null;
  @Field() artifactUri!: string;
  @Field() lifecycleStage!: string;
  @Field(() => [KeyValueType]) params!: KeyValueType[];
  @Field(() => [MetricType]) metrics!: MetricType[];
  @Field(() => [KeyValueType]) tags!: KeyValueType[];
}

@ObjectType('RunSearch')
export class RunSearchType {
  @Field(() => [RunType]) runs!: RunType[];
  @Field(() => String, { nullable: true }) nextPageToken!: string | null;
  @Field(() => Int, { nullable: true }) total!: number | null;
}

export function toExperimentType(view: ExperimentView): ExperimentType {
  return {
    experimentId: view.experiment_id,
    name: view.name,
    artifactLocation: view.artifact_location,
    lifecycleStage: view.lifecycle_stage,
    creationTime: view.creation_time,
    lastUpdateTime: view.last_update_time,
    tags: view.tags,
  };
}

export function toMetricType(m: MetricView): MetricType {
  return {
    key: m.key,
    value: typeof m.value === 'number' ? m.value : null,
    valueText: String(m.value),
    timestamp: m.timestamp,
    step: m.step,
  };
}

export function toRunType(run: RunView): RunType {
  const { info, data } = run;
  return {
    runId: info.run_id,
    runName: info.run_name,
    experimentId: info.experiment_id,
    userId: info.user_id,
    status: info.status,
    startTime: info.start_time,
    endTime: info.end_time ?? null,
    artifactUri: info.artifact_uri,
    lifecycleStage: info.lifecycle_stage,
    params: data.params,
    metrics: data.metrics.map(toMetricType),
    tags: data.tags,
  };
}
