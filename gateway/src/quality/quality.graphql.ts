import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  ProfileAlert,
  ProfileView,
  SuiteView,
  ValidationSummary,
  ValidationView,
} from '@hydroml/contracts';

@ObjectType('QualityAlert')
export class QualityAlertType {
  @Field({
    description: 'missing, constant, unique, ..., mixed_types, null_like, irregular_time_steps',
  })
  type!: string;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field() message!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) threshold!: number;
  @Field(() => String, { nullable: true }) suggestionTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'The studio step {op, params} as JSON' })
  suggestionStepJson!: string | null;
}

@ObjectType('VersionProfile')
export class VersionProfileType {
  @Field(() => ID) dataSourceId!: string;
  @Field(() => Int) version!: number;
  @Field() computedAt!: string;
  @Field(() => Float) durationMs!: number;
  @Field(() => Float) rows!: number;
  @Field(() => Int) columns!: number;
  @Field(() => Float) missingCells!: number;
  @Field(() => Float) duplicateRows!: number;
  @Field(() => Float, { description: 'ML readiness 0..100' }) readiness!: number;
  @Field(() => [QualityAlertType]) alerts!: QualityAlertType[];
  @Field({ description: 'The whole profile (columns, correlations, ...) as JSON' })
  profileJson!: string;
}

@ObjectType('ExpectationSuite')
export class ExpectationSuiteType {
  @Field(() => ID) id!: string;
  @Field(() => ID) dataSourceId!: string;
  @Field() name!: string;
  @Field() autoValidate!: boolean;
  @Field({ description: 'Great Expectations style [{type, kwargs}] as JSON' })
  expectationsJson!: string;
  @Field() createdAt!: string;
}

@ObjectType('ValidationRun')
export class ValidationRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID) suiteId!: string;
  @Field() suiteName!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'queued, succeeded (the run finished) or failed' }) status!: string;
  @Field() trigger!: string;
  @Field(() => Boolean, { nullable: true, description: 'every expectation met' }) success!:
    boolean | null;
  @Field(() => Float, { nullable: true, description: 'quality score 0..100' }) score!:
    number | null;
  @Field(() => Int, { nullable: true }) evaluated!: number | null;
  @Field(() => Int, { nullable: true }) successful!: number | null;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Per-expectation results as JSON' })
  resultsJson!: string | null;
}

function toAlert(a: ProfileAlert): QualityAlertType {
  return {
    ...{ type: a.type, column: a.column ?? null, message: a.message, value: a.value },
    threshold: a.threshold,
    suggestionTitle: a.suggestion?.title ?? null,
    suggestionStepJson: a.suggestion ? JSON.stringify(a.suggestion.step) : null,
  };
}

export function toProfileType(p: ProfileView): VersionProfileType {
  return {
    ...{ dataSourceId: p.dataSourceId, version: p.version, computedAt: p.computedAt },
    ...{ durationMs: p.durationMs, rows: p.table.rows, columns: p.table.columns },
    ...{ missingCells: p.table.missingCells, duplicateRows: p.table.duplicateRows },
    ...{ readiness: p.ml.readiness, alerts: p.alerts.map(toAlert), profileJson: JSON.stringify(p) },
  };
}

export function toSuiteType(s: SuiteView): ExpectationSuiteType {
  return {
    ...{ id: s.id, dataSourceId: s.dataSourceId, name: s.name, autoValidate: s.autoValidate },
    ...{ expectationsJson: JSON.stringify(s.expectations), createdAt: s.createdAt },
  };
}

export function toValidationType(v: ValidationSummary | ValidationView): ValidationRunType {
  return {
    ...{ id: v.id, suiteId: v.suiteId, suiteName: v.suiteName, version: v.version },
    ...{ status: v.status, trigger: v.trigger, success: v.success, score: v.score },
    ...{ evaluated: v.statistics?.evaluated ?? null, successful: v.statistics?.successful ?? null },
    ...{ createdAt: v.createdAt, finishedAt: v.finishedAt },
    resultsJson: 'results' in v && v.results ? JSON.stringify(v.results) : null,
  };
}
