import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  /** Also the JWT `kid`. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  alg!: string;

  @Column('jsonb', { name: 'public_jwk' })
  publicJwk!: Record<string, unknown>;

  /** The private JWK, AES-256-GCM encrypted under AUTH_KEY_ENCRYPTION_SECRET. */
  @Column('text', { name: 'private_jwk_encrypted' })
  privateJwkEncrypted!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** No longer used to sign; still published for verification until `retire_at`. */
  @Column('timestamptz', { name: 'rotated_at', nullable: true })
  rotatedAt!: Date | null;

  @Column('timestamptz', { name: 'retire_at', nullable: true })
  retireAt!: Date | null;
}
