import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthContracts,
  CreateApiTokenDto,
  TokenIdDto,
  VerifyApiTokenDto,
  type ApiTokenView,
  type CallContext,
  type CreatedApiToken,
  type Ok,
  type Principal,
} from '@hydroml/contracts';
import { Call, requirePrincipal, requireSession } from '@hydroml/nest-kit';
import { TokensService } from './tokens.service.js';

@Controller()
export class TokensHandler {
  constructor(private readonly tokens: TokensService) {}

  @MessagePattern(AuthContracts.createToken.subject)
  create(@Payload() dto: CreateApiTokenDto, @Call() call: CallContext): Promise<CreatedApiToken> {
    return this.tokens.create(requireSession(call).userId, dto);
  }

  @MessagePattern(AuthContracts.listTokens.subject)
  list(@Call() call: CallContext): Promise<ApiTokenView[]> {
    return this.tokens.list(requirePrincipal(call).userId);
  }

  @MessagePattern(AuthContracts.revokeToken.subject)
  async revoke(@Payload() dto: TokenIdDto, @Call() call: CallContext): Promise<Ok> {
    await this.tokens.revoke(requireSession(call).userId, dto.id);
    return { ok: true };
  }

  @MessagePattern(AuthContracts.verifyToken.subject)
  verify(@Payload() dto: VerifyApiTokenDto): Promise<Principal> {
    return this.tokens.verify(dto.secret);
  }
}
