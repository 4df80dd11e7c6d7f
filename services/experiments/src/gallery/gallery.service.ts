import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  type CallContext,
  type ForkDto,
  type ForkView,
  type GalleryEntryView,
  type GallerySearchDto,
  type Page,
  type PublishTrainingDto,
} from '@hydroml/contracts';
import { requirePrincipal } from '@hydroml/nest-kit';
import { ProjectAccessService } from '../access/project-access.service.js';
import { MAXIMIZED } from '../studies/study-payloads.js';
import { TrainingsService } from '../training/trainings.service.js';

interface EntryRow {
  id: string;
  title: string;
  description: string;
  model_type: GalleryEntryView['modelType'];
  task: string | null;
  metrics: Record<string, number>;
  spec: Record<string, unknown>;
  published_at: Date;
}

function toView(row: EntryRow): GalleryEntryView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    modelType: row.model_type,
    task: row.task,
    metrics: row.metrics,
    spec: row.spec,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

/** The public gallery: finished trainings any signed-in user can find and fork as drafts. */
@Injectable()
export class GalleryService {
  constructor(
    private readonly db: DataSource,
    private readonly trainings: TrainingsService,
    private readonly access: ProjectAccessService,
  ) {}

  async publish(call: CallContext, dto: PublishTrainingDto): Promise<GalleryEntryView> {
    const training = await this.trainings.get(call, dto.trainingId);
    await this.access.require(
      call,
      training.projectId,
      'write',
      `training ${training.id} not found`,
    );
    if (training.status !== 'FINISHED') {
      throw new DomainError('failed_precondition', `only a FINISHED training can be published`);
    }
    const rows: EntryRow[] = await this.db.query(
      `INSERT INTO gallery (id, training_id, title, description, model_type, task, metrics, spec,
         published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (training_id) DO UPDATE SET title = EXCLUDED.title,
         description = EXCLUDED.description
       RETURNING *`,
      [
        ...[randomUUID(), training.id, dto.title ?? `${training.modelType} on ${training.id}`],
        ...[dto.description ?? '', training.modelType, training.task],
        ...[JSON.stringify(training.metrics), JSON.stringify(training.spec)],
        requirePrincipal(call).userId,
      ],
    );
    return toView(rows[0]);
  }

  async search(call: CallContext, dto: GallerySearchDto): Promise<Page<GalleryEntryView>> {
    requirePrincipal(call);
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 20;
    const direction = dto.metric && !MAXIMIZED.has(dto.metric) ? 'ASC' : 'DESC';
    const order = dto.metric
      ? `(metrics->>$2)::float8 ${direction}, published_at DESC`
      : 'published_at DESC';
    const where = `($1::text IS NULL OR model_type = $1) AND ($2::text IS NULL OR metrics ? $2)
      AND ($3::text IS NULL OR title ILIKE '%' || $3 || '%' OR description ILIKE '%' || $3 || '%')`;
    const filters = [dto.model ?? null, dto.metric ?? null, dto.q ?? null];
    // Counted apart from the page, so a page past the end still tells how many entries match.
    const [rows, counted] = await Promise.all([
      this.db.query<EntryRow[]>(
        `SELECT * FROM gallery WHERE ${where} ORDER BY ${order}, id LIMIT $4 OFFSET $5`,
        [...filters, pageSize, (page - 1) * pageSize],
      ),
      this.db.query<Array<{ total: string }>>(
        `SELECT count(*) AS total FROM gallery WHERE ${where}`,
        filters,
      ),
    ]);
    return { items: rows.map(toView), total: Number(counted[0].total), page, pageSize };
  }

  async fork(call: CallContext, dto: ForkDto): Promise<ForkView> {
    const principal = await this.access.require(
      call,
      dto.projectId,
      'write',
      `Project ${dto.projectId} not found`,
    );
    const entries: EntryRow[] = await this.db.query(`SELECT * FROM gallery WHERE id = $1`, [
      dto.id,
    ]);
    if (!entries[0]) throw new DomainError('not_found', `gallery entry ${dto.id} not found`);
    const draft = { ...entries[0].spec, projectId: dto.projectId, forkedFrom: dto.id };
    const rows: Array<{ id: string; created_at: Date }> = await this.db.query(
      `INSERT INTO gallery_forks (id, gallery_id, project_id, draft, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
      [randomUUID(), dto.id, dto.projectId, JSON.stringify(draft), principal.userId],
    );
    return {
      id: rows[0].id,
      galleryId: dto.id,
      projectId: dto.projectId,
      draft,
      createdAt: new Date(rows[0].created_at).toISOString(),
    };
  }
}
