import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DataSourceKind, DataSourceStatus } from '@hydroml/contracts';

/** A catalogue entry; its immutable versions live in data-tools. */
@Entity({ name: 'data_sources' })
export class DataSourceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text')
  kind!: DataSourceKind;

  @Column('text')
  status!: DataSourceStatus;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
