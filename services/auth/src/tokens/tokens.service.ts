import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DB } from '../db.js';
import { Repository } from 'typeorm';
import {
  AuthEvents,
  DomainError,
  type ApiTokenView,
  type CreateApiTokenDto,
  type CreatedApiToken,
  type Principal,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { hashSecret, newOpaqueSecret } from '../crypto/opaque-token.js';
import { UsersRepository } from '../users/users.repository.js';
import { shouldTouch, tokenUnusableReason } from './domain/token-usability.js';
import { ApiTokenEntity } from './persistence/api-token.entity.js';
import { toApiTokenView } from './api-token.views.js';

@Injectable()
export class TokensService {
  constructor(
    @InjectRepository(ApiTokenEntity, DB) private readonly tokens: Repository<ApiTokenEntity>,
    private readonly users: UsersRepository,
    private readonly nats: NatsClient,
  ) {}

  async create(userId: string, dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new DomainError('invalid_argument', 'expiresAt must be in the future');
    }
    if (dto.scopes.length === 0)
      throw new DomainError('invalid_argument', 'scopes must not be empty');
    const secret = newOpaqueSecret('hml');
    const entity = this.tokens.create({
      id: randomUUID(),
      userId,
      name: dto.name,
      scopes: dto.scopes,
      prefix: secret.slice(0, 10),
      secretHash: hashSecret(secret),
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    const saved = await this.tokens.save(entity);
    return { token: toApiTokenView(saved), secret };
  }

  async list(userId: string): Promise<ApiTokenView[]> {
    const rows = await this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
    return rows.map(toApiTokenView);
  }

  async revoke(userId: string, id: string): Promise<void> {
    const token = await this.tokens.findOneBy({ id, userId });
    if (!token) throw new DomainError('not_found', 'API token not found');
    if (!token.revokedAt) await this.tokens.update({ id }, { revokedAt: new Date() });
    // Gateways cache verified tokens for seconds: tell them to forget this one now.
    this.nats.emit(AuthEvents.apiTokenRevoked, { tokenId: id });
  }

  async verify(secret: string): Promise<Principal> {
    const token = await this.tokens.findOneBy({ secretHash: hashSecret(secret) });
    const now = new Date();
    const reason = tokenUnusableReason(token, now);
    if (reason || !token) throw new DomainError('unauthenticated', reason ?? 'invalid API token');
    const user = await this.users.findById(token.userId);
    if (!user) throw new DomainError('unauthenticated', 'invalid API token');
    if (shouldTouch(token.lastUsedAt, now))
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    return {
      userId: user.id,
      username: user.username,
      scopes: token.scopes,
      via: 'api_token',
      tokenId: token.id,
    };
  }
}
