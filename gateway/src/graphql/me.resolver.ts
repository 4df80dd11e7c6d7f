import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import {
  AuthContracts,
  ProjectsContracts,
  type CallContext,
  type DataSourceView,
  type UserView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import { DataSourceType, UserType } from './graphql.types.js';

@Resolver()
export class MeResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => UserType)
  me(@Caller() call: CallContext): Promise<UserView> {
    return this.nats.request(AuthContracts.me, {}, call);
  }

  @Query(() => DataSourceType)
  dataSource(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<DataSourceView> {
    return this.nats.request(ProjectsContracts.getDataSource, { id }, call);
  }
}
