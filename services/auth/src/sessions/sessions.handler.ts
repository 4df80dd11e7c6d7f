import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuthContracts, LoginDto, RefreshDto, type Ok, type TokenPair } from '@hydroml/contracts';
import { SessionsService } from './sessions.service.js';

@Controller()
export class SessionsHandler {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(AuthContracts.login.subject)
  login(@Payload() dto: LoginDto): Promise<TokenPair> {
    return this.sessions.login(dto);
  }

  @MessagePattern(AuthContracts.refresh.subject)
  refresh(@Payload() dto: RefreshDto): Promise<TokenPair> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @MessagePattern(AuthContracts.logout.subject)
  async logout(@Payload() dto: RefreshDto): Promise<Ok> {
    await this.sessions.logout(dto.refreshToken);
    return { ok: true };
  }
}
