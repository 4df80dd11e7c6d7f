import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ConnectionType, SslMode } from '@hydroml/contracts';

@Entity({ name: 'connections' })
export class ConnectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  type!: ConnectionType;

  @Column('text')
  host!: string;

  @Column('integer')
  port!: number;

  @Column('text')
  database!: string;

  @Column('text', { name: 'user_name' })
  user!: string;

  /** AES-256-GCM ciphertext of the password (null when there is none). */
  @Column('text', { name: 'secret_encrypted', nullable: true })
  secretEncrypted!: string | null;

  @Column('text', { name: 'key_id', nullable: true })
  keyId!: string | null;

  @Column('text', { name: 'ssl_mode' })
  sslMode!: SslMode;

  @Column('text', { name: 'ssl_ca', nullable: true })
  sslCa!: string | null;

  @Column('jsonb', { default: {} })
  options!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
