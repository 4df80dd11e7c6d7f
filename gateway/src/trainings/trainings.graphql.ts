import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StudyView, TrainingView } from '@hydroml/contracts';

@ObjectType('TrainingMetric')
export class TrainingMetricType {
  @Field(() => String) key!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('Training')
export class TrainingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => String) status!: string;
  @Field(() => ID) jobId!: string;
  @Field(() => String, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true }) experimentId!: string | null;
  @Field(() => String, { nullable: true }) task!: string | null;
  @Field(() => String) modelType!: string;
  @Field(() => String) specHash!: string;
  /** The training spec as JSON text. */
  @Field(() => String) spec!: string;
  @Field(() => [TrainingMetricType]) metrics!: TrainingMetricType[];
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
}

@ObjectType('StudyTrial')
export class StudyTrialType {
  @Field(() => Int) number!: number;
  @Field(() => String) state!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  /** Parameters as JSON text. */
  @Field(() => String) params!: string;
  @Field(() => String, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true }) jobId!: string | null;
  @Field(() => String, { nullable: true }) failReason!: string | null;
}

@ObjectType('RegisteredBest')
export class RegisteredBestType {
  @Field(() => String) name!: string;
  @Field(() => String) version!: string;
  @Field(() => String, { nullable: true }) alias!: string | null;
}

@ObjectType('StudyBestModel')
export class BestModelType {
  @Field(() => String, {
    description: 'registered, pending, not_registered, no_model (external best trial) or no_trial',
  })
  status!: string;
  @Field(() => Int, { nullable: true }) trialNumber!: number | null;
  @Field(() => RegisteredBestType, { nullable: true }) registered!: RegisteredBestType | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Boolean) registrable!: boolean;
}

@ObjectType('Study')
export class StudyType {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) status!: string;
  @Field(() => String) metric!: string;
  @Field(() => String) direction!: string;
  @Field(() => [StudyTrialType]) trials!: StudyTrialType[];
  @Field(() => StudyTrialType, { nullable: true }) best!: StudyTrialType | null;
  @Field(() => String, { nullable: true }) parentRunId!: string | null;
  @Field(() => BestModelType) bestModel!: BestModelType;
}

export function toTrainingType(view: TrainingView): TrainingType {
  return {
    ...view,
    spec: JSON.stringify(view.spec),
    metrics: Object.entries(view.metrics).map(([key, value]) => ({ key, value })),
  };
}

function toTrial(t: StudyView['trials'][number]): StudyTrialType {
  return { ...t, params: JSON.stringify(t.params) };
}

export function toStudyType(view: StudyView): StudyType {
  return {
    ...view,
    trials: view.trials.map(toTrial),
    best: view.best ? toTrial(view.best) : null,
  };
}
