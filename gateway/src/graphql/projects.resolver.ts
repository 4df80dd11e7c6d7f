import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type MemberView,
  type Page,
  type ProjectView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { GqlLoaders } from './gql-context.js';
import { CreateProjectInput, ProjectsArgs, UpdateProjectInput } from './graphql.inputs.js';
import { DataSourceType, MemberType, ProjectPageType, ProjectType } from './graphql.types.js';
import type { Loaders } from './loaders.js';

@Resolver(() => ProjectType)
export class ProjectsResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => ProjectPageType)
  projects(@Args() args: ProjectsArgs, @Caller() call: CallContext): Promise<Page<ProjectView>> {
    return this.nats.request(ProjectsContracts.list, { ...args }, call);
  }

  @Query(() => ProjectType)
  project(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.get, { id }, call);
  }

  @ResolveField(() => [MemberType])
  members(@Parent() project: ProjectView, @GqlLoaders() loaders: Loaders): Promise<MemberView[]> {
    return loaders.members.load(project.id);
  }

  @ResolveField(() => [DataSourceType])
  dataSources(
    @Parent() project: ProjectView,
    @GqlLoaders() loaders: Loaders,
  ): Promise<DataSourceView[]> {
    return loaders.dataSources.load(project.id);
  }

  @Mutation(() => ProjectType)
  createProject(
    @Args('input') input: CreateProjectInput,
    @Caller() call: CallContext,
  ): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.create, { ...input }, call);
  }

  @Mutation(() => ProjectType)
  updateProject(
    @Args('input') input: UpdateProjectInput,
    @Caller() call: CallContext,
  ): Promise<ProjectView> {
    return this.nats.request(ProjectsContracts.update, { ...input }, call);
  }

  @Mutation(() => Boolean)
  async deleteProject(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(ProjectsContracts.delete, { id }, call);
    return true;
  }

  @Mutation(() => Boolean)
  async setFavorite(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('favorite') favorite: boolean,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(ProjectsContracts.setFavorite, { projectId, favorite }, call);
    return true;
  }
}
