import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  MODEL_TYPES,
  type CallContext,
  type CreatePresetDto,
  type ModelType,
  type PresetView,
} from '@hydroml/contracts';
import { requirePrincipal, requireScope, uniqueViolation } from '@hydroml/nest-kit';
import { RunsService } from '../runs/runs.service.js';
import { hexToUuid, uuidToHex } from '../tracking/domain/ids.js';
import { checkPresetParams, parseParam } from '../training/domain/model-params.js';

interface PresetRow {
  id: string;
  name: string;
  model_type: ModelType;
  params: Record<string, unknown>;
  source_run_id: string | null;
  created_at: Date;
}

function toView(row: PresetRow): PresetView {
  return {
    id: row.id,
    name: row.name,
    modelType: row.model_type,
    params: row.params,
    sourceRunId: row.source_run_id ? uuidToHex(row.source_run_id) : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Hyperparameter presets of a user: typed in, or taken from a finished training run. */
@Injectable()
export class PresetsService {
  constructor(
    private readonly db: DataSource,
    private readonly runs: RunsService,
  ) {}

  private async fromRun(call: CallContext, runId: string) {
    const run = await this.runs.get(call, { run_id: runId });
    if (run.info.status !== 'FINISHED') {
      throw new DomainError(
        'failed_precondition',
        `run ${runId} is ${run.info.status}: a preset is taken only from a FINISHED run`,
      );
    }
    const logged = new Map(run.data.params.map((p) => [p.key, p.value]));
    const type = logged.get('model_type') as ModelType | undefined;
    if (!type || !MODEL_TYPES.includes(type)) {
      throw new DomainError('failed_precondition', `run ${runId} is not a HydroML training run`);
    }
    const params: Record<string, unknown> = {};
    for (const [key, value] of logged) {
      const parsed = parseParam(type, key, value);
      if (parsed !== undefined) params[key] = parsed;
    }
    return { type, params };
  }

  async create(call: CallContext, dto: CreatePresetDto): Promise<PresetView> {
    const principal = requireScope(call, 'write');
    const source = dto.fromRunId ? await this.fromRun(call, dto.fromRunId) : null;
    const type = source?.type ?? dto.modelType;
    if (!type) throw new DomainError('invalid_argument', 'a preset needs modelType or fromRunId');
    const params = checkPresetParams(type, { ...(source?.params ?? {}), ...(dto.params ?? {}) });
    const id = randomUUID();
    const runId = dto.fromRunId ? hexToUuid(dto.fromRunId) : null;
    try {
      const rows: PresetRow[] = await this.db.query(
        `INSERT INTO presets (id, user_id, name, model_type, params, source_run_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [id, principal.userId, dto.name, type, JSON.stringify(params), runId],
      );
      return toView(rows[0]);
    } catch (error) {
      if (uniqueViolation(error)) {
        throw new DomainError('conflict', `a preset named '${dto.name}' already exists`);
      }
      throw error;
    }
  }

  async list(call: CallContext, modelType?: ModelType): Promise<PresetView[]> {
    const rows: PresetRow[] = await this.db.query(
      `SELECT * FROM presets WHERE user_id = $1 AND ($2::text IS NULL OR model_type = $2)
       ORDER BY name`,
      [requirePrincipal(call).userId, modelType ?? null],
    );
    return rows.map(toView);
  }

  /** The caller's own preset; anyone else's does not exist. */
  async resolve(call: CallContext, id: string): Promise<PresetView> {
    const rows: PresetRow[] = await this.db.query(
      `SELECT * FROM presets WHERE id = $1 AND user_id = $2`,
      [id, requirePrincipal(call).userId],
    );
    if (!rows[0]) throw new DomainError('not_found', `preset ${id} not found`);
    return toView(rows[0]);
  }

  async delete(call: CallContext, id: string): Promise<{ deleted: true }> {
    const principal = requireScope(call, 'write');
    const [rows]: [unknown[], number] = await this.db.query(
      `DELETE FROM presets WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, principal.userId],
    );
    if (rows.length === 0) throw new DomainError('not_found', `preset ${id} not found`);
    return { deleted: true };
  }
}
