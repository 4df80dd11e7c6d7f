import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuthContracts,
  ChangePasswordDto,
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
import { AccountService } from './account.service.js';
import { Caller } from '../http/caller.decorator.js';
import type { GatewayRequest } from '../http/request-of.js';

@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly nats: NatsClient,
    private readonly account: AccountService,
  ) {}

  @Public()
  @Post('register')
  register(
    @Body() dto: RegisterDto,
    @Caller() call: CallContext,
    @Req() req: GatewayRequest,
  ): Promise<UserView> {
    return this.account.register(dto, call, req.ip);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(
    @Body() dto: LoginDto,
    @Caller() call: CallContext,
    @Req() req: GatewayRequest,
  ): Promise<TokenPair> {
    return this.account.login(dto, call, req.ip);
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
