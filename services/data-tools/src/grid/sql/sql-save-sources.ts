import { Injectable } from '@nestjs/common';
import { DomainError, type RecipeStepView, type VersionParent } from '@hydroml/contracts';
import {
  compileRecipe,
  DuckRecipeEngine,
  parquetSource,
  STEPS,
  versionKey,
  type SourceRelation,
} from '@hydroml/recipes';
import { DuckEngine, sqlString } from '../../engine/duck-engine.js';
import { VersionCache } from '../../storage/version-cache.js';
import { VersionsRepository } from '../../versions/versions.repository.js';
import { recipeGridRelation, type GridRelation } from '../grid-relation.js';

interface LocalVersion {
  relation: SourceRelation;
  path: string;
  sha256: string;
}

/**
 * What a queued console save reads, rebuilt inside the job (access was checked when it was queued):
 * a version's Parquet file, or a session head replayed from its fitted steps over its base version
 * (and the versions the steps read), as the console compiled it for the query.
 */
@Injectable()
export class SqlSaveSources {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly cache: VersionCache,
    private readonly engine: DuckEngine,
  ) {}

  async relation(parents: VersionParent[], steps?: RecipeStepView[]): Promise<GridRelation> {
    const [base, ...others] = await Promise.all(parents.map((p) => this.local(p)));
    const files = [base.path, ...others.map((o) => o.path)];
    if (!steps) {
      return {
        ...{ source: `(${base.relation.sql})`, binds: [], schema: base.relation.schema },
        ...{ cacheKey: `v:${base.sha256}`, files },
      };
    }
    const sources = new Map<string, SourceRelation>(
      others.map((o, i) => [versionKey(parents[i + 1]), o.relation]),
    );
    const recipe = await this.engine.use((connection) =>
      compileRecipe({
        ...{ registry: STEPS, engine: new DuckRecipeEngine(connection) },
        ...{ base: base.relation, steps, sources },
      }),
    );
    return recipeGridRelation(recipe, `sql-save:${base.sha256}`, files);
  }

  private async local(ref: VersionParent): Promise<LocalVersion> {
    const entity = await this.versions.find(ref.dataSourceId, ref.version);
    if (!entity) throw new DomainError('not_found', `version ${ref.version} not found`);
    const path = await this.cache.path(entity.blobKey, entity.sha256);
    const relation = { sql: parquetSource(sqlString(path)), schema: entity.schema };
    return { relation, path, sha256: entity.sha256 };
  }
}
