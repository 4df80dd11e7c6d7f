import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import {
  DomainError,
  type CallContext,
  type ConnectionView,
  type CreateConnectionDto,
  type CreateSqliteConnectionDto,
  type UpdateConnectionDto,
} from '@hydroml/contracts';
import { logger, requirePrincipal, requireScope } from '@hydroml/nest-kit';
import { SecretBox } from '../crypto/secret-box.js';
import { DB } from '../db.js';
import { DEFAULT_PORTS } from '../drivers/driver-factory.js';
import { SqliteDriver } from '../drivers/sqlite/sqlite.driver.js';
import { toConnectionView } from './connection.views.js';
import { SqliteFiles } from './sqlite-files.js';
import { ConnectionEntity } from './persistence/connection.entity.js';

/** Connections owned by a user; credentials sealed at rest and never returned. */
@Injectable()
export class ConnectionsService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(ConnectionEntity, DB)
    private readonly connections: Repository<ConnectionEntity>,
    private readonly box: SecretBox,
    private readonly sqlite: SqliteFiles,
  ) {}

  /** Key rotation: secrets sealed under an older key are re-sealed under the current one. */
  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.connections.findBy({ keyId: Not(this.box.currentKeyId) });
    for (const row of stale.filter((r) => r.secretEncrypted !== null && r.keyId !== null)) {
      const sealed = this.box.seal(
        this.box.open({ keyId: row.keyId!, ciphertext: row.secretEncrypted! }),
      );
      await this.connections.update(
        { id: row.id },
        { secretEncrypted: sealed.ciphertext, keyId: sealed.keyId },
      );
    }
    if (stale.length > 0) logger().info({ count: stale.length }, 'connection secrets re-encrypted');
  }

  async create(call: CallContext, dto: CreateConnectionDto): Promise<ConnectionView> {
    const principal = requireScope(call, 'write');
    if (dto.type === 'sqlite') {
      throw new DomainError(
        'invalid_argument',
        'send a SQLite database as a multipart file upload',
      );
    }
    const sealed = dto.password === undefined ? null : this.box.seal(dto.password);
    const row = this.connections.create({
      id: randomUUID(),
      ownerId: principal.userId,
      name: dto.name,
      type: dto.type,
      host: dto.host,
      port: dto.port ?? DEFAULT_PORTS[dto.type],
      database: dto.database,
      user: dto.user,
      secretEncrypted: sealed?.ciphertext ?? null,
      keyId: sealed?.keyId ?? null,
      sslMode: dto.sslMode ?? 'disable',
      sslCa: dto.sslCa ?? null,
      options: dto.options ?? {},
    });
    return toConnectionView(await this.connections.save(row));
  }

  /** A SQLite file already in the blob store: kept only if it opens as a database. */
  async createSqlite(call: CallContext, dto: CreateSqliteConnectionDto): Promise<ConnectionView> {
    const principal = requireScope(call, 'write');
    const files = { type: 'sqlite' as const, options: { blobKey: dto.blobKey } };
    try {
      await new SqliteDriver(await this.sqlite.path(files), 10_000).serverVersion();
    } catch (error) {
      await this.sqlite.remove(files);
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError(
        'invalid_argument',
        `the file is not a usable SQLite database: ${reason}`,
      );
    }
    const row = this.connections.create({
      ...{ id: randomUUID(), ownerId: principal.userId, name: dto.name, type: 'sqlite' as const },
      ...{ host: 'file', port: 0, database: dto.fileName, user: '', secretEncrypted: null },
      ...{ keyId: null, sslMode: 'disable' as const, sslCa: null, options: files.options },
    });
    return toConnectionView(await this.connections.save(row));
  }

  async list(call: CallContext): Promise<ConnectionView[]> {
    const ownerId = requirePrincipal(call).userId;
    const rows = await this.connections.find({ where: { ownerId }, order: { createdAt: 'ASC' } });
    return rows.map(toConnectionView);
  }

  async get(call: CallContext, id: string): Promise<ConnectionView> {
    return toConnectionView(await this.owned(call, id));
  }

  /** An edit keeps the stored secret unless a new password is given. */
  async update(call: CallContext, dto: UpdateConnectionDto): Promise<ConnectionView> {
    requireScope(call, 'write');
    const row = await this.owned(call, dto.id);
    const { id, password, ...changes } = dto;
    Object.assign(row, changes);
    if (password !== undefined) {
      const sealed = this.box.seal(password);
      row.secretEncrypted = sealed.ciphertext;
      row.keyId = sealed.keyId;
    }
    await this.connections.save(row);
    return toConnectionView(await this.owned(call, id));
  }

  async delete(call: CallContext, id: string): Promise<void> {
    requireScope(call, 'write');
    const row = await this.owned(call, id);
    await this.connections.delete({ id: row.id });
    await this.sqlite.remove(row);
  }

  /** The row with its password opened, for the drivers; another user's connection is not found. */
  async owned(call: CallContext, id: string): Promise<ConnectionEntity> {
    const row = await this.connections.findOneBy({ id, ownerId: requirePrincipal(call).userId });
    if (!row) throw new DomainError('not_found', 'connection not found');
    return row;
  }

  password(row: ConnectionEntity): string | undefined {
    if (row.secretEncrypted === null || row.keyId === null) return undefined;
    return this.box.open({ keyId: row.keyId, ciphertext: row.secretEncrypted });
  }
}
