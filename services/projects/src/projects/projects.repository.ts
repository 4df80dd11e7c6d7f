import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ListProjectsDto, Page, ProjectView } from '@hydroml/contracts';
import { buildListQuery, DEFAULT_PAGE_SIZE } from './domain/list-query.js';
import { MembershipEntity } from './persistence/membership.entity.js';
import { ProjectEntity } from './persistence/project.entity.js';
import { toProjectView, type ProjectRow } from './project.views.js';

@Injectable()
export class ProjectsRepository {
  constructor(private readonly db: DataSource) {}

  async list(userId: string, dto: ListProjectsDto): Promise<Page<ProjectView>> {
    const { text, values } = buildListQuery(userId, dto);
    const rows: ProjectRow[] = await this.db.query(text, values);
    return {
      items: rows.map(toProjectView),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      page: dto.page ?? 1,
      pageSize: dto.pageSize ?? DEFAULT_PAGE_SIZE,
    };
  }

  /** One project as the caller sees it (its role and favourite flag). */
  async view(projectId: string, userId: string): Promise<ProjectView | null> {
    const rows: ProjectRow[] = await this.db.query(
      `SELECT p.id, p.name, p.description, p.is_public, p.is_default, p.owner_id, m.role,
         EXISTS (SELECT 1 FROM favorites f WHERE f.project_id = p.id AND f.user_id = $2) AS favorite,
         p.created_at, p.updated_at
       FROM projects p LEFT JOIN memberships m ON m.project_id = p.id AND m.user_id = $2
       WHERE p.id = $1`,
      [projectId, userId],
    );
    return rows[0] ? toProjectView(rows[0]) : null;
  }

  /** Creates a project with its creator as owner, in one transaction. */
  async createWithOwner(
    project: Partial<ProjectEntity>,
    ownerId: string,
    tx?: EntityManager,
  ): Promise<string> {
    const run = async (m: EntityManager) => {
      const id = project.id ?? randomUUID();
      await m.insert(ProjectEntity, { ...project, id, ownerId });
      await m.insert(MembershipEntity, {
        id: randomUUID(),
        projectId: id,
        userId: ownerId,
        role: 'owner',
      });
      return id;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  /** The personal default project; a no-op when the user has one already (safe to repeat). */
  async ensureDefault(userId: string, username: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const inserted: Array<{ id: string }> = await tx.query(
        `INSERT INTO projects (id, name, description, is_public, is_default, owner_id)
         VALUES ($1, $2, $3, false, true, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [randomUUID(), `${username}'s project`, 'Your personal default project', userId],
      );
      if (inserted.length === 0) return;
      await tx.insert(MembershipEntity, {
        id: randomUUID(),
        projectId: inserted[0].id,
        userId,
        role: 'owner',
      });
    });
  }

  findEntity(id: string): Promise<ProjectEntity | null> {
    return this.db.getRepository(ProjectEntity).findOneBy({ id });
  }

  async update(id: string, changes: Partial<ProjectEntity>): Promise<void> {
    await this.db.getRepository(ProjectEntity).update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(ProjectEntity).delete({ id });
  }

  async setFavorite(userId: string, projectId: string, favorite: boolean): Promise<void> {
    if (favorite) {
      await this.db.query(
        `INSERT INTO favorites (id, user_id, project_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [randomUUID(), userId, projectId],
      );
    } else {
      await this.db.query(`DELETE FROM favorites WHERE user_id = $1 AND project_id = $2`, [
        userId,
        projectId,
      ]);
    }
  }
}
