import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ColumnSchema, RecipeStepView } from '@hydroml/contracts';

/** A studio session: every step (the redo tail included), the head, and schemas known per step. */
@Entity({ name: 'studio_sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'data_source_id' })
  dataSourceId!: string;

  @Column('int')
  version!: number;

  @Column('jsonb')
  steps!: RecipeStepView[];

  /** Number of applied steps. */
  @Column('int')
  head!: number;

  /** `schemas[i]`: schema after i steps (0 = base), for steps compiled so far; a cache. */
  @Column('jsonb')
  schemas!: ColumnSchema[][];

  @Column('int')
  revision!: number;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'last_used_at' })
  lastUsedAt!: Date;
}
