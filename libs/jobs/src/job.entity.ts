import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractError, JobStatus } from '@hydroml/contracts';

/**
 * A job row, in the schema of the service that owns the job (register the entity in the
 * service's data source and create the table with `jobsTableMigration`).
 */
@Entity({ name: 'jobs' })
export class JobEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  status!: JobStatus;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('double precision', { default: 0 })
  progress!: number;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('int', { name: 'max_attempts' })
  maxAttempts!: number;

  @Column('boolean', { name: 'cancel_requested', default: false })
  cancelRequested!: boolean;

  @Column('jsonb', { nullable: true })
  error!: ContractError | null;

  @Column('jsonb', { nullable: true })
  result!: Record<string, unknown> | null;

  @Column('text', { name: 'resource_type', nullable: true })
  resourceType!: 'project' | 'data_source' | null;

  @Column('uuid', { name: 'resource_id', nullable: true })
  resourceId!: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
