import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() createdAt!: string;
}

@ObjectType('Member')
export class MemberType {
  @Field(() => ID) projectId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() role!: string;
  @Field() addedAt!: string;
}

@ObjectType('DataSource')
export class DataSourceType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() kind!: string;
  @Field() status!: string;
  @Field(() => ID) ownerId!: string;
  @Field(() => [ID]) projectIds!: string[];
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('Project')
export class ProjectType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() isPublic!: boolean;
  @Field() isDefault!: boolean;
  @Field(() => ID) ownerId!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field() favorite!: boolean;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('ProjectPage')
export class ProjectPageType {
  @Field(() => [ProjectType]) items!: ProjectType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageSize!: number;
}
