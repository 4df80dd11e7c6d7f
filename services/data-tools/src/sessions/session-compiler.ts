import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type CallContext,
  type ColumnSchema,
  type VersionParent,
} from '@hydroml/contracts';
import {
  recipeLimits,
  compileRecipe,
  DuckRecipeEngine,
  ROW_ID,
  ident,
  selectHead,
  STEPS,
  type CompiledRecipe,
  type SourceRelation,
  type Step,
  versionKey,
} from '@hydroml/recipes';
import { DataToolsEnv } from '../data-tools-env.js';
import { DuckEngine, readError } from '../engine/duck-engine.js';
import { VersionRelations, type ResolvedVersion } from '../versions/version-relations.js';
import { materialiseOrder } from './domain/row-order.js';

export interface CompileOptions {
  /** Schemas already known after each step (skips DESCRIBE). */
  knownSchemas?: ReadonlyArray<ColumnSchema[] | undefined>;
  /** Learned steps from this index on fit again. */
  refitFrom?: number;
  /**
   * The steps were stored by a change of this session, which checked them on this same data (a
   * head read again): skip the data checks (a join's size). Never for steps a user just sent.
   */
  checked?: boolean;
}

export interface ReplayedHead {
  recipe: CompiledRecipe;
  /** The versions read: the base first, then those the steps read. */
  versions: ResolvedVersion[];
}

export interface CompiledSteps {
  recipe: CompiledRecipe;
  /** The other versions the steps read (joins, unions), access-checked. */
  sources: Map<string, ResolvedVersion>;
}

/** Compiles a session's steps over its base version with DuckDB (schemas learned by DESCRIBE). */
@Injectable()
export class SessionCompiler {
  constructor(
    private readonly relations: VersionRelations,
    private readonly engine: DuckEngine,
    private readonly env: DataToolsEnv,
  ) {}

  async compile(
    call: CallContext,
    base: ResolvedVersion,
    steps: readonly Step[],
    options: CompileOptions = {},
  ): Promise<CompiledSteps> {
    const sources = await this.relations.sourcesFor(call, steps);
    return { recipe: await this.run(base, steps, sources, options), sources };
  }

  /**
   * A stored head replayed inside a job (access was checked when it was queued): its fitted steps
   * over `parents[0]`, reading the versions `parents[1..]`. Answers the versions read, base first.
   */
  async replay(parents: readonly VersionParent[], steps: readonly Step[]): Promise<ReplayedHead> {
    const versions = await Promise.all(parents.map((p) => this.relations.local(p)));
    const sources = new Map(versions.slice(1).map((v, i) => [versionKey(parents[i + 1]), v]));
    return { recipe: await this.run(versions[0], steps, sources), versions };
  }

  private run(
    base: ResolvedVersion,
    steps: readonly Step[],
    sources: ReadonlyMap<string, ResolvedVersion>,
    options: CompileOptions = {},
  ): Promise<CompiledRecipe> {
    const relations = new Map<string, SourceRelation>(
      [...sources].map(([key, resolved]) => [key, resolved.relation]),
    );
    return this.engine.use((connection) =>
      compileRecipe({
        registry: STEPS,
        engine: new DuckRecipeEngine(connection),
        base: base.relation,
        steps,
        sources: relations,
        knownSchemas: options.knownSchemas ?? [],
        refitFrom: options.refitFrom,
        limits: recipeLimits(this.env),
        checked: options.checked,
      }),
    );
  }

  /**
   * The first `limit` rows of the head, in row order (when every step keeps the file order, the
   * scan stops early instead of sorting the whole head by row id).
   */
  preview(recipe: CompiledRecipe, limit: number): Promise<Array<Record<string, unknown>>> {
    if (limit === 0) return Promise.resolve([]);
    const order = materialiseOrder(recipe.steps, ident(ROW_ID));
    const sql = selectHead(recipe, `${order} LIMIT ${Math.floor(limit)}`);
    return this.engine
      .use((connection) => new DuckRecipeEngine(connection).query(sql, recipe.binds))
      .catch((error: unknown) => Promise.reject(dataError(error)));
  }
}

/** Lineage of a result: the base version first, then every version the steps read. */
export function parentsOf(
  base: VersionParent,
  sources: ReadonlyMap<string, ResolvedVersion>,
): VersionParent[] {
  const parents = [{ dataSourceId: base.dataSourceId, version: base.version }];
  for (const source of sources.values()) {
    parents.push({ dataSourceId: source.entity.dataSourceId, version: source.entity.version });
  }
  return parents;
}

/** A query of the recipe failed on the data (a value that does not convert, a bad pattern). */
export function dataError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return readError('the recipe fails on this data', error);
}
