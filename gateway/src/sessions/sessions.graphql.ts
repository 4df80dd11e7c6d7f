import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SessionStateView, SessionView } from '@hydroml/contracts';

@ObjectType('SessionColumn')
export class SessionColumnType {
  @Field() name!: string;
  @Field({ description: 'integer, float, boolean, date, timestamp, string or other' })
  type!: string;
  @Field() sourceType!: string;
}

@ObjectType('SessionStep')
export class SessionStepType {
  @Field({ description: 'family.verb, e.g. columns.cast' }) op!: string;
  @Field({ description: 'The params as JSON' }) paramsJson!: string;
}

/** What a session and its list entry share. */
@ObjectType({ isAbstract: true })
abstract class SessionFieldsType {
  @Field(() => ID) id!: string;
  @Field(() => ID) dataSourceId!: string;
  @Field(() => Int) version!: number;
  @Field(() => [SessionStepType]) steps!: SessionStepType[];
  @Field(() => Int, { description: 'Applied steps (0 = the base version)' }) head!: number;
  @Field(() => [SessionColumnType]) schema!: SessionColumnType[];
  @Field(() => Int) revision!: number;
  @Field() expiresAt!: string;
}

/** A live session as the list shows it (no preview rows). */
@ObjectType('StudioSessionSummary')
export class StudioSessionSummaryType extends SessionFieldsType {
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field() updatedAt!: string;
}

@ObjectType('StudioSession')
export class StudioSessionType extends SessionFieldsType {
  @Field({ description: 'The head’s first rows as a JSON array' }) previewJson!: string;
}

/** The fields a session summary and a session's state share. */
function sessionFields(view: SessionView | SessionStateView) {
  return {
    ...{ id: view.id, dataSourceId: view.dataSourceId, version: view.version },
    steps: view.steps.map((s) => ({ op: s.op, paramsJson: JSON.stringify(s.params) })),
    ...{ head: view.head, schema: view.schema, revision: view.revision },
  };
}

export function toSessionSummaryType(view: SessionView): StudioSessionSummaryType {
  return {
    ...sessionFields(view),
    ...{ createdBy: view.createdBy, updatedAt: view.updatedAt, expiresAt: view.expiresAt },
  };
}

export function toSessionType(view: SessionStateView): StudioSessionType {
  return {
    ...sessionFields(view),
    previewJson: JSON.stringify(view.preview.rows),
    expiresAt: view.expiresAt,
  };
}
