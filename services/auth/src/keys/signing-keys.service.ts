import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DB } from '../db.js';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { PublicKeySet } from '@hydroml/contracts';
import { logger, NatsClient } from '@hydroml/nest-kit';
import { AuthEvents } from '@hydroml/contracts';
import { AuthEnv } from '../auth-env.js';
import { decryptText, encryptText } from './domain/key-cipher.js';
import { SigningKeyEntity } from './persistence/signing-key.entity.js';

export const JWT_ALG = 'ES256';
export const JWT_ISSUER = 'hydroml-auth';
export const JWT_AUDIENCE = 'hydroml';
const DAY_MS = 86_400_000;
const RECHECK_MS = 60_000;

interface ActiveKey {
  kid: string;
  key: CryptoKey | Uint8Array;
  createdAt: Date;
  loadedAt: number;
}

/** ES256 signing keys: stored encrypted, rotated on schedule, published as a JWK set. */
@Injectable()
export class SigningKeysService implements OnModuleInit {
  private active?: ActiveKey;

  constructor(
    @InjectRepository(SigningKeyEntity, DB) private readonly keys: Repository<SigningKeyEntity>,
    private readonly db: DataSource,
    private readonly env: AuthEnv,
    private readonly nats: NatsClient,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureActiveKey();
  }

  async sign(
    claims: Record<string, unknown>,
    subject: string,
    ttlSeconds: number,
  ): Promise<string> {
    const active = await this.activeKey();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: JWT_ALG, kid: active.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(active.key);
  }

  async publicKeys(): Promise<PublicKeySet> {
    const rows = await this.keys
      .createQueryBuilder('k')
      .where('k.retire_at IS NULL OR k.retire_at > now()')
      .orderBy('k.created_at', 'DESC')
      .getMany();
    return {
      keys: rows.map((row) => ({ ...row.publicJwk, kid: row.id, alg: row.alg, use: 'sig' })),
    };
  }

  /** Makes a new signing key; the old one stays published until its tokens have expired. */
  async rotate(): Promise<string> {
    const kid = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['auth.signing_keys']);
      const retireAt = new Date(Date.now() + this.env.ACCESS_TOKEN_TTL_SECONDS * 1000 + DAY_MS);
      await tx.update(
        SigningKeyEntity,
        { rotatedAt: IsNull() },
        { rotatedAt: new Date(), retireAt },
      );
      const entity = await this.newKeyEntity();
      await tx.save(SigningKeyEntity, entity);
      return entity.id;
    });
    this.active = undefined;
    this.nats.emit(AuthEvents.signingKeyRotated, { kid });
    logger().info({ kid }, 'signing key rotated');
    return kid;
  }

  private async activeKey(): Promise<ActiveKey> {
    if (!this.active || Date.now() - this.active.loadedAt > RECHECK_MS)
      await this.ensureActiveKey();
    return this.active!;
  }

  private async ensureActiveKey(): Promise<void> {
    let row = await this.keys.findOne({
      where: { rotatedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const maxAge = this.env.SIGNING_KEY_ROTATION_DAYS * DAY_MS;
    if (!row || Date.now() - row.createdAt.getTime() > maxAge) {
      await this.rotate();
      row = await this.keys.findOneOrFail({
        where: { rotatedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
    }
    const jwk = JSON.parse(
      decryptText(row.privateJwkEncrypted, this.env.AUTH_KEY_ENCRYPTION_SECRET),
    ) as JWK;
    this.active = {
      kid: row.id,
      key: await importJWK(jwk, JWT_ALG),
      createdAt: row.createdAt,
      loadedAt: Date.now(),
    };
  }

  private async newKeyEntity(): Promise<SigningKeyEntity> {
    const pair = await generateKeyPair(JWT_ALG, { extractable: true });
    const entity = new SigningKeyEntity();
    entity.id = randomUUID();
    entity.alg = JWT_ALG;
    entity.publicJwk = { ...(await exportJWK(pair.publicKey)) };
    const privateJwk = JSON.stringify(await exportJWK(pair.privateKey));
    entity.privateJwkEncrypted = encryptText(privateJwk, this.env.AUTH_KEY_ENCRYPTION_SECRET);
    entity.rotatedAt = null;
    entity.retireAt = null;
    return entity;
  }
}
