import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuthEvents,
  DomainError,
  type ChangePasswordDto,
  type RegisterDto,
  type UpdateProfileDto,
  type UserSummary,
  type UserView,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { PasswordHasher } from '../crypto/password-hasher.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { checkPasswordPolicy } from './domain/password-policy.js';
import { UserEntity } from './persistence/user.entity.js';
import { toUserSummary, toUserView } from './user.views.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly nats: NatsClient,
  ) {}

  async register(dto: RegisterDto, correlationId: string): Promise<UserView> {
    const email = dto.email.trim().toLowerCase();
    checkPasswordPolicy(dto.password, { username: dto.username, email });
    const user = new UserEntity();
    user.id = randomUUID();
    user.username = dto.username;
    user.email = email;
    user.displayName = dto.displayName ?? null;
    user.passwordHash = await this.hasher.hash(dto.password);
    const saved = await this.users.save(user);
    this.nats.emit(
      AuthEvents.userRegistered,
      { userId: saved.id, username: saved.username, email: saved.email },
      { correlationId },
    );
    return toUserView(saved);
  }

  async me(userId: string): Promise<UserView> {
    return toUserView(await this.users.getById(userId));
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<UserView> {
    const user = await this.users.getById(userId);
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    if (dto.email !== undefined) user.email = dto.email.trim().toLowerCase();
    return toUserView(await this.users.save(user));
  }

  /** Changing the password ends every other session (all refresh-token families). */
  async changePassword(userId: string, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.getById(userId);
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('unauthenticated', 'the current password is wrong');
    }
    checkPasswordPolicy(dto.newPassword, user);
    user.passwordHash = await this.hasher.hash(dto.newPassword);
    await this.users.save(user);
    await this.sessions.revokeAllForUser(userId, 'password_changed');
  }

  async resolve(login: string): Promise<UserSummary> {
    const user = await this.users.findByLogin(login);
    if (!user) throw new DomainError('not_found', `no user '${login}'`);
    return toUserSummary(user);
  }

  async lookup(ids: string[]): Promise<UserSummary[]> {
    return (await this.users.findByIds(ids)).map(toUserSummary);
  }
}
