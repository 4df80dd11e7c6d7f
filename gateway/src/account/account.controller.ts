import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuthContracts,
  ChangePasswordDto,
  DomainError,
  LoginDto,
  RefreshDto,
  RegisterDto,
  UpdateProfileDto,
  type CallContext,
  type Ok,
  type TokenPair,
  type UserView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { Public } from '../auth/public.decorator.js';
import { GatewayEnv } from '../gateway-env.js';
import { Caller } from '../http/caller.decorator.js';
import type { GatewayRequest } from '../http/request-of.js';
import { RateLimiter } from '../rate-limit/rate-limiter.service.js';

@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly nats: NatsClient,
    private readonly limiter: RateLimiter,
    private readonly env: GatewayEnv,
  ) {}

  @Public()
  @Post('register')
  async register(
    @Body() dto: RegisterDto,
    @Caller() call: CallContext,
    @Req() req: GatewayRequest,
  ): Promise<UserView> {
    await this.limiter.consume(`register:${req.ip}`, this.env.REGISTER_PER_MINUTE);
    return this.nats.request(AuthContracts.register, dto, call);
  }

  /** Failed logins are counted per client; past the limit, login answers 429 for the minute. */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Caller() call: CallContext,
    @Req() req: GatewayRequest,
  ): Promise<TokenPair> {
    const bucket = `login-failures:${req.ip}`;
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

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @Caller() call: CallContext): Promise<TokenPair> {
    return this.nats.request(AuthContracts.refresh, dto, call);
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  logout(@Body() dto: RefreshDto, @Caller() call: CallContext): Promise<Ok> {
    return this.nats.request(AuthContracts.logout, dto, call);
  }

  @Get('me')
  me(@Caller() call: CallContext): Promise<UserView> {
    return this.nats.request(AuthContracts.me, {}, call);
  }

  @Patch('me')
  updateMe(@Body() dto: UpdateProfileDto, @Caller() call: CallContext): Promise<UserView> {
    return this.nats.request(AuthContracts.updateProfile, dto, call);
  }

  @Post('me/password')
  @HttpCode(200)
  changePassword(@Body() dto: ChangePasswordDto, @Caller() call: CallContext): Promise<Ok> {
    return this.nats.request(AuthContracts.changePassword, dto, call);
  }
}
