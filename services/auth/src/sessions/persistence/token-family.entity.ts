import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One login: every refresh token rotated from it belongs to the same family. */
@Entity({ name: 'token_families' })
export class TokenFamilyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('text', { name: 'revoked_reason', nullable: true })
  revokedReason!: string | null;
}
