import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DataSourceView, DataSourcesByProject } from '@hydroml/contracts';
import { DataSourceEntity } from './persistence/data-source.entity.js';
import { ProjectDataSourceEntity } from './persistence/project-data-source.entity.js';

interface DataSourceRow {
  id: string;
  name: string;
  description: string | null;
  kind: DataSourceView['kind'];
  status: DataSourceView['status'];
  owner_id: string;
  project_ids: string[];
  created_at: Date;
  updated_at: Date;
  via_project?: string;
}

const SELECT = `SELECT d.id, d.name, d.description, d.kind, d.status, d.owner_id, d.created_at, d.updated_at,
  COALESCE((SELECT array_agg(l2.project_id ORDER BY l2.linked_at) FROM project_data_sources l2
            WHERE l2.data_source_id = d.id), '{}') AS project_ids
  FROM data_sources d`;

function toView(row: DataSourceRow): DataSourceView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    status: row.status,
    ownerId: row.owner_id,
    projectIds: row.project_ids,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class DataSourcesRepository {
  constructor(private readonly db: DataSource) {}

  async view(id: string): Promise<DataSourceView | null> {
    const rows: DataSourceRow[] = await this.db.query(`${SELECT} WHERE d.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async byProjects(projectIds: string[]): Promise<DataSourcesByProject> {
    const result: DataSourcesByProject = Object.fromEntries(projectIds.map((id) => [id, []]));
    if (projectIds.length === 0) return result;
    const rows: DataSourceRow[] = await this.db.query(
      `SELECT l.project_id AS via_project, x.* FROM project_data_sources l
       JOIN LATERAL (${SELECT} WHERE d.id = l.data_source_id) x ON true
       WHERE l.project_id = ANY($1::uuid[]) ORDER BY l.linked_at`,
      [projectIds],
    );
    for (const row of rows) result[row.via_project!].push(toView(row));
    return result;
  }

  async create(entity: Partial<DataSourceEntity>, projectId: string): Promise<string> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(DataSourceEntity, { ...entity, id });
      await tx.insert(ProjectDataSourceEntity, { id: randomUUID(), projectId, dataSourceId: id });
    });
    return id;
  }

  /** Links a data source to a project; linking twice is harmless. */
  async link(projectId: string, dataSourceId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO project_data_sources (id, project_id, data_source_id) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, data_source_id) DO NOTHING`,
      [randomUUID(), projectId, dataSourceId],
    );
  }

  async unlink(projectId: string, dataSourceId: string): Promise<boolean> {
    const result = await this.db
      .getRepository(ProjectDataSourceEntity)
      .delete({ projectId, dataSourceId });
    return (result.affected ?? 0) > 0;
  }

  async update(id: string, changes: Partial<DataSourceEntity>): Promise<void> {
    await this.db.getRepository(DataSourceEntity).update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(DataSourceEntity).delete({ id });
  }
}
