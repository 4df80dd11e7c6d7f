import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthContracts,
  type ApiTokenView,
  type CallContext,
  type CreatedApiToken,
  type TokenPair,
  type UserView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { AccountService } from '../account/account.service.js';
import { ApiTokenVerifier } from '../auth/api-token-verifier.service.js';
import { Public } from '../auth/public.decorator.js';
import { Caller } from '../http/caller.decorator.js';
import { GqlRequest } from './gql-context.js';
import type { GatewayRequest } from '../http/request-of.js';
import {
  ApiTokenType,
  ChangePasswordInput,
  CreateApiTokenInput,
  CreatedApiTokenType,
  LoginInput,
  RegisterInput,
  TokenPairType,
  UpdateProfileInput,
} from './account.graphql-types.js';
import { UserType } from './graphql.types.js';

/** Accounts and API tokens over GraphQL, with the same limits and rules as REST. */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly nats: NatsClient,
    private readonly account: AccountService,
    private readonly tokenCache: ApiTokenVerifier,
  ) {}

  @Public()
  @Mutation(() => UserType)
  register(
    @Args('input') input: RegisterInput,
    @Caller() call: CallContext,
    @GqlRequest() req: GatewayRequest,
  ): Promise<UserView> {
    return this.account.register({ ...input }, call, req.ip);
  }

  @Public()
  @Mutation(() => TokenPairType)
  login(
    @Args('input') input: LoginInput,
    @Caller() call: CallContext,
    @GqlRequest() req: GatewayRequest,
  ): Promise<TokenPair> {
    return this.account.login({ ...input }, call, req.ip);
  }

  @Public()
  @Mutation(() => TokenPairType)
  refresh(
    @Args('refreshToken') refreshToken: string,
    @Caller() call: CallContext,
  ): Promise<TokenPair> {
    return this.nats.request(AuthContracts.refresh, { refreshToken }, call);
  }

  @Public()
  @Mutation(() => Boolean)
  async logout(
    @Args('refreshToken') refreshToken: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(AuthContracts.logout, { refreshToken }, call);
    return true;
  }

  @Mutation(() => UserType)
  updateMe(
    @Args('input') input: UpdateProfileInput,
    @Caller() call: CallContext,
  ): Promise<UserView> {
    return this.nats.request(AuthContracts.updateProfile, { ...input }, call);
  }

  @Mutation(() => Boolean)
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(AuthContracts.changePassword, { ...input }, call);
    return true;
  }

  @Query(() => [ApiTokenType])
  apiTokens(@Caller() call: CallContext): Promise<ApiTokenView[]> {
    return this.nats.request(AuthContracts.listTokens, {}, call);
  }

  @Mutation(() => CreatedApiTokenType)
  createApiToken(
    @Args('input') input: CreateApiTokenInput,
    @Caller() call: CallContext,
  ): Promise<CreatedApiToken> {
    return this.nats.request(AuthContracts.createToken, { ...input }, call);
  }

  @Mutation(() => Boolean)
  async revokeApiToken(
    @Args('id', { type: () => ID }) id: string,
    @Caller() call: CallContext,
  ): Promise<boolean> {
    await this.nats.request(AuthContracts.revokeToken, { id }, call);
    this.tokenCache.forget(id);
    return true;
  }
}
