import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectRole } from '@hydroml/contracts';

@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  /** A user of the auth service (plain id: no cross-schema keys). */
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: ProjectRole;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
