import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  DomainError,
  QualityContracts as Q,
  type CallContext,
  type ExpectationDto,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Caller } from '../http/caller.decorator.js';
import {
  ExpectationSuiteType,
  ValidationRunType,
  VersionProfileType,
  toProfileType,
  toSuiteType,
  toValidationType,
} from './quality.graphql.js';

function expectationsOf(json: string | undefined): ExpectationDto[] | undefined {
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value)) return value as ExpectationDto[];
  } catch {
    // reported below
  }
  throw new DomainError('invalid_argument', 'expectationsJson must be a JSON array', {
    field: 'expectationsJson',
  });
}

/** GraphQL mirror of the quality REST routes (profiles, suites, validations). */
@Resolver(() => VersionProfileType)
export class QualityResolver {
  constructor(private readonly nats: NatsClient) {}

  @Query(() => VersionProfileType)
  async versionProfile(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', { type: () => Int }) version: number,
    @Caller() call: CallContext,
  ) {
    return toProfileType(await this.nats.request(Q.getProfile, { dataSourceId, version }, call));
  }

  @Mutation(() => ID, { description: 'Queues the profile job; answers the job id' })
  async profileVersion(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('refresh', { type: () => Boolean, nullable: true }) refresh: boolean | undefined,
    @Caller() call: CallContext,
  ) {
    return (await this.nats.request(Q.profile, { dataSourceId, version, refresh }, call)).id;
  }

  @Query(() => [ExpectationSuiteType])
  async expectationSuites(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Caller() call: CallContext,
  ) {
    return (await this.nats.request(Q.listSuites, { dataSourceId }, call)).map(toSuiteType);
  }

  @Mutation(() => ExpectationSuiteType)
  async createExpectationSuite(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Args('name', { type: () => String }) name: string,
    @Args('expectationsJson', { type: () => String, nullable: true }) json: string | undefined,
    @Args('fromVersion', { type: () => Int, nullable: true }) fromVersion: number | undefined,
    @Args('autoValidate', { type: () => Boolean, nullable: true })
    autoValidate: boolean | undefined,
    @Caller() call: CallContext,
  ) {
    const dto = {
      dataSourceId,
      name,
      expectations: expectationsOf(json),
      fromVersion,
      autoValidate,
    };
    return toSuiteType(await this.nats.request(Q.createSuite, dto, call));
  }

  @Mutation(() => ID, { description: 'Queues a validation run; answers its id (also the job id)' })
  async validateSuite(
    @Args('suiteId', { type: () => ID }) suiteId: string,
    @Args('version', { type: () => Int }) version: number,
    @Caller() call: CallContext,
  ) {
    return (await this.nats.request(Q.validate, { suiteId, version }, call)).id;
  }

  @Query(() => ValidationRunType)
  async validation(
    @Args('id', { type: () => ID }) validationId: string,
    @Caller() call: CallContext,
  ) {
    return toValidationType(await this.nats.request(Q.getValidation, { validationId }, call));
  }

  @Query(() => [ValidationRunType])
  async validationHistory(
    @Args('dataSourceId', { type: () => ID }) dataSourceId: string,
    @Caller() call: CallContext,
  ) {
    const history = await this.nats.request(Q.validationHistory, { dataSourceId }, call);
    return history.validations.map(toValidationType);
  }
}
