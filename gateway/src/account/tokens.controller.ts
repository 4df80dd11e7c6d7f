import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuthContracts,
  CreateApiTokenDto,
  type ApiTokenView,
  type CallContext,
  type CreatedApiToken,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { ApiTokenVerifier } from '../auth/api-token-verifier.service.js';
import { Caller } from '../http/caller.decorator.js';
import { UUID } from '../http/uuid.pipe.js';

@ApiTags('auth')
@Controller('auth/tokens')
export class TokensController {
  constructor(
    private readonly nats: NatsClient,
    private readonly apiTokens: ApiTokenVerifier,
  ) {}

  @Get()
  list(@Caller() call: CallContext): Promise<ApiTokenView[]> {
    return this.nats.request(AuthContracts.listTokens, {}, call);
  }

  /** The secret is in this response only; it is stored hashed. */
  @Post()
  create(@Body() dto: CreateApiTokenDto, @Caller() call: CallContext): Promise<CreatedApiToken> {
    return this.nats.request(AuthContracts.createToken, dto, call);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', UUID) id: string, @Caller() call: CallContext): Promise<void> {
    await this.nats.request(AuthContracts.revokeToken, { id }, call);
    this.apiTokens.forget(id);
  }
}
