import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type AccessAction,
  type CallContext,
  type VersionParent,
} from '@hydroml/contracts';
import {
  parquetSource,
  stepRefs,
  versionKey,
  type SourceRelation,
  type Step,
} from '@hydroml/recipes';
import { AccessClient } from '../access/access.client.js';
import { sqlString } from '../engine/duck-engine.js';
import { VersionCache } from '../storage/version-cache.js';
import type { DatasetVersionEntity } from './persistence/dataset-version.entity.js';
import { VersionsRepository } from './versions.repository.js';

/** A version ready to query: its row, its base relation for recipes, and a stable cache key. */
export interface ResolvedVersion {
  entity: DatasetVersionEntity;
  relation: SourceRelation;
  /** Local Parquet path (the only file user SQL over this version may read). */
  path: string;
  /** Immutable identity of the data (versions never change): `<sha256>`. */
  cacheKey: string;
}

/**
 * Turns (data source, version) into something DuckDB can read, after checking the caller's access.
 * Missing versions and data sources the caller cannot see both answer not_found.
 */
@Injectable()
export class VersionRelations {
  constructor(
    private readonly access: AccessClient,
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
  ) {}

  async resolve(
    call: CallContext,
    ref: VersionParent,
    action: AccessAction = 'read',
  ): Promise<ResolvedVersion> {
    await this.access.require(call, { type: 'data_source', id: ref.dataSourceId }, action);
    return this.local(ref);
  }

  /** {@link resolve} without the access check: for jobs, whose access was checked when queued. */
  async local(ref: VersionParent): Promise<ResolvedVersion> {
    const entity = await this.versions.find(ref.dataSourceId, ref.version);
    if (!entity) throw new DomainError('not_found', `version ${ref.version} not found`);
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    return {
      entity,
      path,
      relation: { sql: parquetSource(sqlString(path)), schema: entity.schema },
      cacheKey: entity.sha256,
    };
  }

  /** The other versions `steps` read (joins, unions), each access-checked, keyed by versionKey. */
  async sourcesFor(
    call: CallContext,
    steps: readonly Step[],
  ): Promise<Map<string, ResolvedVersion>> {
    const resolved = new Map<string, ResolvedVersion>();
    for (const ref of stepRefs(steps)) {
      const key = versionKey(ref);
      if (!resolved.has(key)) resolved.set(key, await this.resolve(call, ref));
    }
    return resolved;
  }
}
