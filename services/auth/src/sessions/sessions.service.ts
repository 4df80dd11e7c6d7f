import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DB } from '../db.js';
import { DataSource, IsNull, Repository } from 'typeorm';
import { DomainError, type LoginDto, type TokenPair } from '@hydroml/contracts';
import { logger } from '@hydroml/nest-kit';
import { AuthEnv } from '../auth-env.js';
import { hashSecret, newOpaqueSecret } from '../crypto/opaque-token.js';
import { PasswordHasher } from '../crypto/password-hasher.js';
import { SigningKeysService } from '../keys/signing-keys.service.js';
import type { UserEntity } from '../users/persistence/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { decideRefresh } from './domain/refresh-decision.js';
import { RefreshTokenEntity } from './persistence/refresh-token.entity.js';
import { TokenFamilyEntity } from './persistence/token-family.entity.js';

const BAD_LOGIN = 'invalid username/email or password';

@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly keys: SigningKeysService,
    private readonly env: AuthEnv,
    private readonly db: DataSource,
    @InjectRepository(RefreshTokenEntity, DB)
    private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectRepository(TokenFamilyEntity, DB)
    private readonly families: Repository<TokenFamilyEntity>,
  ) {}

  async login(dto: LoginDto): Promise<TokenPair> {
    const user = await this.users.findByLogin(dto.login);
    const valid = await this.hasher.verify(user?.passwordHash, dto.password);
    if (!user || !valid) throw new DomainError('unauthenticated', BAD_LOGIN);
    const family = this.families.create({ id: randomUUID(), userId: user.id, revokedAt: null });
    await this.families.insert(family);
    return this.issue(user, family.id);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const stored = await this.tokens.findOneBy({ tokenHash: hashSecret(refreshToken) });
    const family = stored ? await this.families.findOneBy({ id: stored.familyId }) : null;
    const state = stored && family ? { ...stored, familyRevokedAt: family.revokedAt } : null;
    const decision = decideRefresh(state, new Date());
    // Claim the token atomically: of two concurrent refreshes with one token, only one wins.
    if (decision === 'rotate' && stored && family && (await this.claim(stored.id))) {
      return this.issue(await this.users.getById(family.userId), family.id);
    }
    const reused = decision === 'reuse' || decision === 'rotate';
    if (reused && family) await this.revokeFamily(family.id, 'reuse_detected');
    throw new DomainError('unauthenticated', refreshMessage(decision));
  }

  private async claim(tokenId: string): Promise<boolean> {
    const result = await this.tokens.update(
      { id: tokenId, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    return result.affected === 1;
  }

  async logout(refreshToken: string): Promise<void> {
    const stored = await this.tokens.findOneBy({ tokenHash: hashSecret(refreshToken) });
    if (stored) await this.revokeFamily(stored.familyId, 'logout');
  }

  async revokeAllForUser(userId: string, reason: string): Promise<void> {
    await this.families.update(
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  private async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.families.update(
      { id: familyId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    if (reason === 'reuse_detected')
      logger().warn({ familyId }, 'refresh token reuse: session family revoked');
  }

  private async issue(user: UserEntity, familyId: string): Promise<TokenPair> {
    const refreshToken = newOpaqueSecret('rt');
    const ttlMs = this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000;
    await this.db.getRepository(RefreshTokenEntity).insert({
      id: randomUUID(),
      familyId,
      tokenHash: hashSecret(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
    });
    const ttl = this.env.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.keys.sign(
      { username: user.username, scope: 'read write', sid: familyId },
      user.id,
      ttl,
    );
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ttl };
  }
}

function refreshMessage(decision: string): string {
  switch (decision) {
    case 'reuse':
    case 'rotate':
      return 'refresh token was already used; the session has been revoked';
    case 'expired':
      return 'refresh token expired';
    default:
      return 'invalid refresh token';
  }
}
