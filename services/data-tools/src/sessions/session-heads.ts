import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, type CallContext, type VersionParent } from '@hydroml/contracts';
import { requirePrincipal } from '@hydroml/nest-kit';
import type { CompiledRecipe } from '@hydroml/recipes';
import { VersionRelations, type ResolvedVersion } from '../versions/version-relations.js';
import type { SessionEntity } from './persistence/session.entity.js';
import { SessionsRepository } from './persistence/sessions.repository.js';
import { parentsOf, SessionCompiler } from './session-compiler.js';

/** A session's head, ready to query: the grid, the SQL console and charts read sessions this way. */
export interface SessionHead {
  session: SessionEntity;
  base: ResolvedVersion;
  /** Other versions the applied steps read, keyed by versionKey. */
  sources: Map<string, ResolvedVersion>;
  /** The compiled head: `selectHead(recipe)` with `recipe.binds`. */
  recipe: CompiledRecipe;
  /** Changes whenever the data at the head could: base version data + applied steps. */
  cacheKey: string;
  /** Local Parquet files the head reads (the only files user SQL over it may read). */
  paths: string[];
  /** Lineage of the head: the base version, then the versions steps read. */
  parents: VersionParent[];
}

/** Cache key of a head: the base data's identity and the applied steps (with fitted values). */
export function headCacheKey(baseKey: string, steps: SessionEntity['steps'], head: number): string {
  return createHash('sha256')
    .update(JSON.stringify({ base: baseKey, steps: steps.slice(0, head) }))
    .digest('hex');
}

/**
 * Changes of a session (steps, head moves, recipes, save) are its creator's only: anyone else gets
 * not_found, like any resource they may not touch.
 */
export function requireCreator(call: CallContext, session: SessionEntity): void {
  if (session.createdBy === null || session.createdBy !== requirePrincipal(call).userId) {
    throw new DomainError('not_found', 'session not found');
  }
}

/**
 * Resolves a session to its compiled head after an access check: a session on a data source the
 * caller cannot read (another tenant's) answers not_found, like a missing one.
 */
@Injectable()
export class SessionHeads {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly relations: VersionRelations,
    private readonly compiler: SessionCompiler,
  ) {}

  /** `forChange`: the caller must be the session's creator (see {@link requireCreator}). */
  async resolve(call: CallContext, sessionId: string, forChange = false): Promise<SessionHead> {
    const session = await this.sessions.get(sessionId);
    const base = forChange
      ? await this.baseForChange(call, session)
      : await this.baseOf(call, session);
    const steps = session.steps.slice(0, session.head);
    // Stored steps were checked on this data by the change that stored them.
    const { recipe, sources } = await this.compiler.compile(call, base, steps, {
      knownSchemas: session.schemas,
      checked: true,
    });
    await this.sessions.touch(session.id);
    return {
      ...{ session, base, sources, recipe },
      cacheKey: headCacheKey(base.cacheKey, session.steps, session.head),
      paths: [base.path, ...[...sources.values()].map((s) => s.path)],
      parents: parentsOf(session, sources),
    };
  }

  /** The session's base version, access-checked (not_found for a caller who cannot read it). */
  baseOf(call: CallContext, session: SessionEntity): Promise<ResolvedVersion> {
    return this.relations.resolve(call, {
      dataSourceId: session.dataSourceId,
      version: session.version,
    });
  }

  /** {@link baseOf} for a change of the session: its creator only. */
  async baseForChange(call: CallContext, session: SessionEntity): Promise<ResolvedVersion> {
    const base = await this.baseOf(call, session);
    requireCreator(call, session);
    return base;
  }
}
