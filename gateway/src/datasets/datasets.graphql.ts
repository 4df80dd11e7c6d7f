import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DatasetVersionView, JobView } from '@hydroml/contracts';

@ObjectType('ColumnSchema')
export class ColumnSchemaType {
  @Field() name!: string;
  @Field({ description: 'integer, float, boolean, date, timestamp, string or other' })
  type!: string;
  @Field() sourceType!: string;
}

@ObjectType('VersionRef')
export class VersionRefType {
  @Field(() => ID) dataSourceId!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('DatasetVersion')
export class DatasetVersionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) dataSourceId!: string;
  @Field(() => Int) version!: number;
  @Field() origin!: string;
  @Field(() => [VersionRefType]) parents!: VersionRefType[];
  @Field(() => ID) jobId!: string;
  @Field(() => String, { nullable: true }) sourceFileName!: string | null;
  @Field(() => Float) rows!: number;
  @Field(() => Int) columns!: number;
  @Field(() => Float) bytes!: number;
  @Field() sha256!: string;
  @Field(() => [ColumnSchemaType]) schema!: ColumnSchemaType[];
  @Field(() => [String]) warnings!: string[];
  @Field({ description: 'The detection choices (format, encoding, delimiter, ...) as JSON' })
  detectionJson!: string;
  @Field(() => String, { nullable: true, description: 'Imports: connection and table/query, JSON' })
  provenanceJson!: string | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field() createdAt!: string;
}

export function toVersionType(v: DatasetVersionView): DatasetVersionType {
  return {
    ...v,
    detectionJson: JSON.stringify(v.detection),
    provenanceJson: v.provenance ? JSON.stringify(v.provenance) : null,
  };
}

@ObjectType('DatasetPreview')
export class DatasetPreviewType {
  @Field(() => [ColumnSchemaType]) columns!: ColumnSchemaType[];
  @Field({ description: 'The rows as a JSON array of objects' }) rowsJson!: string;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => Float) total!: number;
  @Field(() => Float, { nullable: true, description: 'Pass as `after` for the next page' })
  nextAfter!: number | null;
}

@ObjectType('LineageNode')
export class LineageNodeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) dataSourceId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) origin!: string | null;
  @Field(() => Float, { nullable: true }) rows!: number | null;
  @Field(() => String, { nullable: true }) createdAt!: string | null;
  @Field(() => String, { nullable: true }) provenanceJson!: string | null;
  @Field() visible!: boolean;
  @Field() deleted!: boolean;
}

@ObjectType('LineageEdge')
export class LineageEdgeType {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
}

@ObjectType('DatasetLineage')
export class DatasetLineageType {
  @Field(() => ID) dataSourceId!: string;
  @Field(() => [LineageNodeType]) nodes!: LineageNodeType[];
  @Field(() => [LineageEdgeType]) edges!: LineageEdgeType[];
}

@ObjectType('Job')
export class JobType {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() status!: string;
  @Field(() => Float) progress!: number;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => Int) attempts!: number;
  @Field() cancelRequested!: boolean;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => String, { nullable: true, description: 'The result as JSON' })
  resultJson!: string | null;
  @Field() createdAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
}

export function toJobType(job: JobView): JobType {
  return {
    ...job,
    errorMessage: job.error?.message ?? null,
    resultJson: job.result ? JSON.stringify(job.result) : null,
  };
}
