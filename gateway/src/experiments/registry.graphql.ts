import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ModelVersionView, RegisteredModelView } from '@hydroml/contracts';
import type { FileInfo } from '../mlflow/artifact-keys.js';
import { KeyValueType } from './experiments.graphql.js';

@ObjectType('ModelVersion')
export class ModelVersionType {
  @Field() name!: string;
  @Field() version!: string;
  @Field(() => Float) creationTimestamp!: number;
  @Field(() => Float) lastUpdatedTimestamp!: number;
  @Field() userId!: string;
  @Field() currentStage!: string;
  @Field() description!: string;
  @Field() source!: string;
  @Field(() => ID) runId!: string;
  @Field(() => [KeyValueType]) tags!: KeyValueType[];
  @Field(() => [String]) aliases!: string[];
}

@ObjectType('ModelAlias')
export class ModelAliasType {
  @Field() alias!: string;
  @Field() version!: string;
}

@ObjectType('RegisteredModel')
export class RegisteredModelType {
  @Field() name!: string;
  @Field(() => Float) creationTimestamp!: number;
  @Field(() => Float) lastUpdatedTimestamp!: number;
  @Field() userId!: string;
  @Field() description!: string;
  @Field(() => [ModelVersionType]) latestVersions!: ModelVersionType[];
  @Field(() => [KeyValueType]) tags!: KeyValueType[];
  @Field(() => [ModelAliasType]) aliases!: ModelAliasType[];
}

@ObjectType('RegisteredModelPage')
export class RegisteredModelPageType {
  @Field(() => [RegisteredModelType]) items!: RegisteredModelType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType('ArtifactFile')
export class ArtifactFileType {
  @Field() path!: string;
  @Field() isDir!: boolean;
  @Field(() => Float, { nullable: true }) fileSize!: number | null;
}

export function toModelVersionType(v: ModelVersionView): ModelVersionType {
  return {
    name: v.name,
    version: v.version,
    creationTimestamp: v.creation_timestamp,
    lastUpdatedTimestamp: v.last_updated_timestamp,
    userId: v.user_id,
    currentStage: v.current_stage,
    description: v.description,
    source: v.source,
    runId: v.run_id,
    tags: v.tags,
    aliases: v.aliases,
  };
}

export function toRegisteredModelType(m: RegisteredModelView): RegisteredModelType {
  return {
    name: m.name,
    creationTimestamp: m.creation_timestamp,
    lastUpdatedTimestamp: m.last_updated_timestamp,
    userId: m.user_id,
    description: m.description,
    latestVersions: m.latest_versions.map(toModelVersionType),
    tags: m.tags,
    aliases: m.aliases,
  };
}

export function toArtifactFileType(f: FileInfo): ArtifactFileType {
  return { path: f.path, isDir: f.is_dir, fileSize: f.file_size ?? null };
}
