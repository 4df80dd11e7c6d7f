import { Injectable } from '@nestjs/common';
import { DomainError, type CallContext } from '@hydroml/contracts';
import { SessionHeads } from '../sessions/session-heads.js';
import { VersionRelations } from '../versions/version-relations.js';
import { recipeGridRelation, versionGridRelation, type GridRelation } from './grid-relation.js';

/** A version (dataSourceId + version) or a session head (sessionId), as the console and charts name it. */
export interface DatasetTarget {
  dataSourceId?: string;
  version?: number;
  sessionId?: string;
}

/** Resolves what a console query or a chart reads, access-checked (not_found for other tenants). */
@Injectable()
export class DatasetTargets {
  constructor(
    private readonly versions: VersionRelations,
    private readonly heads: SessionHeads,
  ) {}

  async resolve(call: CallContext, target: DatasetTarget): Promise<GridRelation> {
    if (target.sessionId !== undefined) {
      const head = await this.heads.resolve(call, target.sessionId);
      return recipeGridRelation(head.recipe, head.cacheKey, head.paths);
    }
    if (target.dataSourceId === undefined || target.version === undefined) {
      throw new DomainError('invalid_argument', 'name a dataSourceId and version, or a sessionId');
    }
    const version = await this.versions.resolve(call, {
      dataSourceId: target.dataSourceId,
      version: target.version,
    });
    return versionGridRelation(version);
  }
}
