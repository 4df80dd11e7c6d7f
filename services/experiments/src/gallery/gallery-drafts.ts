import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  type CallContext,
  type DraftView,
  type RunDraftDto,
  type StartTrainingDto,
  type TrainingAccepted,
  type VersionParent,
} from '@hydroml/contracts';
import { stepRefs, versionKey } from '@hydroml/recipes';
import { ProjectAccessService } from '../access/project-access.service.js';
import { VersionReader } from '../training/data/version-reader.js';
import { TrainingsService } from '../training/trainings.service.js';

interface DraftRow {
  id: string;
  gallery_id: string;
  project_id: string;
  draft: Record<string, unknown>;
  created_at: Date;
  title: string;
  model_type: DraftView['modelType'];
}

function toView(row: DraftRow): DraftView {
  return {
    id: row.id,
    galleryId: row.gallery_id,
    projectId: row.project_id,
    draft: row.draft,
    title: row.title,
    modelType: row.model_type,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Drafts with the title and model type of the gallery entry they were forked from. */
const SELECT_DRAFTS = `SELECT f.*, g.title, g.model_type
  FROM gallery_forks f JOIN gallery g ON g.id = f.gallery_id`;

/** Keys of a draft that are not part of a training request of the forker's. */
const NOT_A_REQUEST = ['projectId', 'forkedFrom', 'presetId'];

/** The data versions a spec reads: its own and those its recipe steps refer to (joins...). */
export function dataRefs(spec: Pick<StartTrainingDto, 'recipe'>): VersionParent[] {
  return stepRefs(spec.recipe ?? []);
}

/**
 * The draft's training request with the caller's overrides. The publisher's hyperparameters are
 * already in `model.params` (a preset was merged when the original trained), so the preset id,
 * which names someone else's preset, is dropped.
 */
export function draftRequest(row: DraftRow, dto: RunDraftDto): StartTrainingDto {
  if (dto.dataSourceId !== undefined && dto.version === undefined) {
    throw new DomainError('invalid_argument', 'give the version of dataSourceId to train on');
  }
  const request: Record<string, unknown> = { ...row.draft };
  for (const key of NOT_A_REQUEST) delete request[key];
  for (const key of [
    'dataSourceId',
    'version',
    'target',
    'features',
    'experimentName',
    'runName',
  ]) {
    const value = dto[key as keyof RunDraftDto];
    if (value !== undefined) request[key] = value;
  }
  return { ...(request as unknown as StartTrainingDto), projectId: row.project_id };
}

/** Drafts forked from the gallery: listed, read and deleted per project, and run as trainings. */
@Injectable()
export class GalleryDrafts {
  constructor(
    private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly trainings: TrainingsService,
    private readonly versions: VersionReader,
  ) {}

  async list(call: CallContext, projectId: string): Promise<DraftView[]> {
    await this.access.require(call, projectId, 'read', `Project ${projectId} not found`);
    const rows: DraftRow[] = await this.db.query(
      `${SELECT_DRAFTS} WHERE f.project_id = $1 ORDER BY f.created_at DESC, f.id LIMIT 500`,
      [projectId],
    );
    return rows.map(toView);
  }

  private async load(call: CallContext, id: string, action: 'read' | 'write'): Promise<DraftRow> {
    const rows: DraftRow[] = await this.db.query(`${SELECT_DRAFTS} WHERE f.id = $1`, [id]);
    const message = `draft ${id} not found`;
    if (!rows[0]) throw new DomainError('not_found', message);
    await this.access.require(call, rows[0].project_id, action, message);
    return rows[0];
  }

  async get(call: CallContext, id: string): Promise<DraftView> {
    return toView(await this.load(call, id, 'read'));
  }

  async delete(call: CallContext, id: string): Promise<{ deleted: true }> {
    const row = await this.load(call, id, 'write');
    await this.db.query(`DELETE FROM gallery_forks WHERE id = $1`, [row.id]);
    return { deleted: true };
  }

  /** A normal training of the draft's spec in the draft's project (editors only). */
  async run(call: CallContext, dto: RunDraftDto): Promise<TrainingAccepted> {
    const row = await this.load(call, dto.id, 'write');
    const request = draftRequest(row, dto);
    await this.requireReadable(call, row, request, dto);
    return this.trainings.start(call, request);
  }

  /**
   * The publisher's data is not shared with those who fork: when the caller cannot read a data
   * version the draft still names, say so and what to give instead (rather than a bare 404 on a
   * data source the caller never chose).
   */
  private async requireReadable(
    call: CallContext,
    row: DraftRow,
    request: StartTrainingDto,
    dto: RunDraftDto,
  ): Promise<void> {
    const refs: VersionParent[] = dto.dataSourceId === undefined ? [request] : [];
    refs.push(...dataRefs(request));
    const seen = new Set<string>();
    for (const ref of refs) {
      const key = versionKey(ref);
      if (seen.has(key)) continue;
      seen.add(key);
      if (await this.readable(call, ref)) continue;
      const own = ref === request;
      throw new DomainError(
        'failed_precondition',
        own
          ? `you cannot read the data of draft ${row.id} (data source ${ref.dataSourceId}, ` +
              `version ${ref.version}): a published experiment does not share its data. Run the ` +
              `draft with your own dataSourceId and version (and target and features when your ` +
              `columns are named differently)`
          : `a recipe step of draft ${row.id} reads data source ${ref.dataSourceId} version ` +
              `${ref.version}, which you cannot read (a published experiment does not share ` +
              `its data), so this draft cannot run`,
        { dataSourceId: ref.dataSourceId, version: ref.version, override: own },
      );
    }
  }

  private async readable(call: CallContext, ref: VersionParent): Promise<boolean> {
    try {
      await this.versions.locate(call, ref);
      return true;
    } catch (error) {
      if (error instanceof DomainError && ['not_found', 'permission_denied'].includes(error.code)) {
        return false;
      }
      throw error;
    }
  }
}
