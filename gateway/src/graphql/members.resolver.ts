import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type MemberView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { AddMemberInput, CreateDataSourceInput, UpdateMemberInput } from './graphql.inputs.js';
import { DataSourceType, MemberType } from './graphql.types.js';

/** Membership and data-source mutations. */
@Resolver()
export class MembersResolver {
  constructor(private readonly nats: NatsClient) {}

  @Mutation(() => MemberType)
  addMember(
    @Args('input') input: AddMemberInput,
    @Caller() call: CallContext,
  ): Promise<MemberView> {
    return this.nats.request(ProjectsContracts.addMember, { ...input }, call);
  }

  @Mutation(() => MemberType)
  updateMember(
    @Args('input') input: UpdateMemberInput,
    @Caller() call: CallContext,
  ): Promise<MemberView> {
    return this.nats.request(ProjectsContracts.updateMember, { ...input }, call);
  }

  @Mutation(() => Boolean)
  async removeMember(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(ProjectsContracts.removeMember, { projectId, userId }, call);
    return true;
  }

  @Mutation(() => DataSourceType)
  createDataSource(
    @Args('input') input: CreateDataSourceInput,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.createDataSource, { ...input }, call);
  }

  @Mutation(() => DataSourceType)
  attachDataSource(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.attachDataSource, { projectId, dataSourceId }, call);
  }

  @Mutation(() => Boolean)
  async detachDataSource(
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(ProjectsContracts.detachDataSource, { projectId, dataSourceId }, call);
    return true;
  }
}
