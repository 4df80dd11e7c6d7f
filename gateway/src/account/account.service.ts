import { Injectable } from '@nestjs/common';
import {
  AuthContracts,
  DomainError,
  type CallContext,
  type LoginDto,
  type RegisterDto,
  type TokenPair,
  type UserView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { GatewayEnv } from '../gateway-env.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';

/** Registration and login with their strict per-client limits, for REST and GraphQL alike. */
@Injectable()
export class AccountService {
  constructor(
    private readonly nats: NatsClient,
    private readonly limiter: RateLimiter,
    private readonly env: GatewayEnv,
  ) {}

  async register(dto: RegisterDto, call: CallContext, clientIp: string): Promise<UserView> {
    await this.limiter.consume(`register:${clientIp}`, this.env.REGISTER_PER_MINUTE);
    return this.nats.request(AuthContracts.register, dto, call);
  }

  /** Failed logins are counted per client; past the limit, login answers 429 for the minute. */
  async login(dto: LoginDto, call: CallContext, clientIp: string): Promise<TokenPair> {
    const bucket = `login-failures:${clientIp}`;
    await this.limiter.assertUnder(bucket, this.env.LOGIN_FAILURES_PER_MINUTE);
    try {
      return await this.nats.request(AuthContracts.login, dto, call);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'unauthenticated') {
        await this.limiter.hit(bucket, this.env.LOGIN_FAILURES_PER_MINUTE);
      }
      throw error;
    }
  }
}
