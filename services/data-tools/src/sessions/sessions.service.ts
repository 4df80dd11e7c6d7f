import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type ApplyRecipeDto,
  type CallContext,
  type ColumnValues,
  type GridRows,
  type RecipeExport,
  type SessionColumnValuesDto,
  type SessionStateView,
  type SessionView,
} from '@hydroml/contracts';
import { requirePrincipal } from '@hydroml/nest-kit';
import { AccessClient } from '../access/access.client.js';
import { ColumnValuesService } from '../grid/column-values.service.js';
import { GridService } from '../grid/grid.service.js';
import { recipeGridRelation } from '../grid/grid-relation.js';
import { VersionRelations } from '../versions/version-relations.js';
import { checkRecipeInput } from './domain/recipe-compat.js';
import { recipeInputColumns } from './domain/recipe-inputs.js';
import { SessionsRepository } from './persistence/sessions.repository.js';
import { SessionEdits } from './session-edits.service.js';
import { SessionHeads } from './session-heads.js';
import { toSessionView } from './session-view.js';

/** Opening, reading, paging, exporting and closing sessions (changes: SessionEdits). */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly relations: VersionRelations,
    private readonly access: AccessClient,
    private readonly heads: SessionHeads,
    private readonly edits: SessionEdits,
    private readonly grid: GridService,
    private readonly values: ColumnValuesService,
  ) {}

  /** A new session on a version the caller may read (viewers too). */
  async open(
    call: CallContext,
    ref: { dataSourceId: string; version: number },
  ): Promise<SessionStateView> {
    const base = await this.relations.resolve(call, ref);
    const now = new Date();
    const entity = await this.sessions.insert({
      ...{ id: randomUUID(), dataSourceId: ref.dataSourceId, version: base.entity.version },
      ...{ steps: [], head: 0, schemas: [base.relation.schema], revision: 0 },
      ...{
        createdBy: requirePrincipal(call).userId,
        createdAt: now,
        updatedAt: now,
        lastUsedAt: now,
      },
    });
    return this.edits.state(call, entity.id);
  }

  async list(call: CallContext, dataSourceId: string): Promise<SessionView[]> {
    await this.access.require(call, { type: 'data_source', id: dataSourceId }, 'read');
    const entities = await this.sessions.listBySource(dataSourceId);
    return entities.map((e) =>
      toSessionView(e, e.schemas[e.head] ?? [], this.sessions.expiresAt(e)),
    );
  }

  get(call: CallContext, id: string): Promise<SessionStateView> {
    return this.edits.state(call, id);
  }

  /** Its creator, or an editor of the data source, may close a session. */
  async remove(call: CallContext, id: string): Promise<{ ok: true }> {
    const session = await this.sessions.get(id);
    await this.heads.baseOf(call, session);
    if (session.createdBy !== requirePrincipal(call).userId) {
      await this.access.require(call, { type: 'data_source', id: session.dataSourceId }, 'write');
    }
    await this.sessions.delete(id);
    return { ok: true };
  }

  /** A grid page of the head (AG Grid's server-side row model), cached by the head's key. */
  async rows(call: CallContext, id: string, request: Record<string, unknown>): Promise<GridRows> {
    const head = await this.heads.resolve(call, id);
    return this.grid.rows(recipeGridRelation(head.recipe, head.cacheKey, head.paths), request);
  }

  /** Distinct values of a head column (AG Grid's set filter). */
  async columnValues(call: CallContext, dto: SessionColumnValuesDto): Promise<ColumnValues> {
    const head = await this.heads.resolve(call, dto.sessionId);
    return this.values.values(recipeGridRelation(head.recipe, head.cacheKey, head.paths), dto);
  }

  /** The applied steps (fitted values included), replayable on another version. */
  async exportRecipe(call: CallContext, id: string): Promise<RecipeExport> {
    const head = await this.heads.resolve(call, id);
    return {
      format: 'hydroml.recipe',
      formatVersion: 1,
      base: { dataSourceId: head.session.dataSourceId, version: head.session.version },
      inputSchema: recipeInputColumns(head.recipe.steps, head.base.relation.schema),
      steps: head.recipe.steps,
      outputSchema: head.recipe.schema,
    };
  }

  /** A saved recipe on this session's version: compatible columns checked, every step validated. */
  async applyRecipe(call: CallContext, dto: ApplyRecipeDto): Promise<SessionStateView> {
    const base = await this.heads.baseForChange(call, await this.sessions.get(dto.sessionId));
    if (dto.inputSchema) checkRecipeInput(dto.inputSchema, base.relation.schema);
    if (dto.steps.length === 0)
      throw new DomainError('invalid_argument', 'the recipe has no steps');
    const steps = dto.steps.map((s) => ({ op: s.op, params: s.params ?? {} }));
    return this.edits.loadRecipe(call, dto.sessionId, steps, dto.mode ?? 'replace');
  }
}
