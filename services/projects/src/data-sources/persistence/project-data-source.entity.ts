import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Many-to-many link: one data source can be used in several projects. */
@Entity({ name: 'project_data_sources' })
export class ProjectDataSourceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'project_id' })
  projectId!: string;

  @Column('uuid', { name: 'data_source_id' })
  dataSourceId!: string;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}
