import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthContracts,
  ChangePasswordDto,
  LookupUsersDto,
  RegisterDto,
  ResolveUserDto,
  UpdateProfileDto,
  type CallContext,
  type Ok,
  type UserSummary,
  type UserView,
} from '@hydroml/contracts';
import { Call, requirePrincipal, requireScope, requireSession } from '@hydroml/nest-kit';
import { UsersService } from './users.service.js';

@Controller()
export class UsersHandler {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(AuthContracts.register.subject)
  register(@Payload() dto: RegisterDto, @Call() call: CallContext): Promise<UserView> {
    return this.users.register(dto, call.correlationId);
  }

  @MessagePattern(AuthContracts.me.subject)
  me(@Call() call: CallContext): Promise<UserView> {
    return this.users.me(requirePrincipal(call).userId);
  }

  @MessagePattern(AuthContracts.updateProfile.subject)
  update(@Payload() dto: UpdateProfileDto, @Call() call: CallContext): Promise<UserView> {
    return this.users.updateProfile(requireScope(call, 'write').userId, dto);
  }

  @MessagePattern(AuthContracts.changePassword.subject)
  async changePassword(@Payload() dto: ChangePasswordDto, @Call() call: CallContext): Promise<Ok> {
    await this.users.changePassword(requireSession(call).userId, dto);
    return { ok: true };
  }

  @MessagePattern(AuthContracts.resolveUser.subject)
  resolve(@Payload() dto: ResolveUserDto, @Call() call: CallContext): Promise<UserSummary> {
    requirePrincipal(call);
    return this.users.resolve(dto.login);
  }

  @MessagePattern(AuthContracts.lookupUsers.subject)
  lookup(@Payload() dto: LookupUsersDto, @Call() call: CallContext): Promise<UserSummary[]> {
    requirePrincipal(call);
    return this.users.lookup(dto.ids);
  }
}
