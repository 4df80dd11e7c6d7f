import { Injectable } from '@nestjs/common';
import {
  DataToolsContracts,
  DomainError,
  type CallContext,
  type ColumnSchema,
  type VersionLocation,
  type VersionParent,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import {
  compileRecipe,
  DuckRecipeEngine,
  ident,
  parquetSource,
  ROW_ID,
  STEPS,
  versionKey,
  type CompiledRecipe,
  type SourceRelation,
  type Step,
} from '@hydroml/recipes';
import type { DuckDBConnection } from '@duckdb/node-api';
import { BlobFiles } from './blob-files.js';
import { sqlString } from '@hydroml/recipes';
import { DuckEngines } from './duck-engines.js';

export interface ReadRequest {
  dataSourceId: string;
  version: number;
  recipe?: Array<{ op: string; params?: Record<string, unknown> }>;
}

/** A version with its recipe applied, open on one DuckDB connection. */
export interface OpenedVersion {
  location: VersionLocation;
  recipe: CompiledRecipe;
  connection: DuckDBConnection;
  /** `SELECT ... FROM head` with the recipe's CTEs; binds in `recipe.binds`. */
  select(columns: string[], where?: string, order?: string): string;
}

/**
 * Reads dataset versions straight from their Parquet blobs with this service's DuckDB, after
 * data-tools says where the blob is (and that the caller may read it), applying recipe steps.
 */
@Injectable()
export class VersionReader {
  constructor(
    private readonly nats: NatsClient,
    private readonly files: BlobFiles,
    private readonly engines: DuckEngines,
  ) {}

  locate(call: CallContext, ref: VersionParent): Promise<VersionLocation> {
    const { dataSourceId, version } = ref;
    return this.nats.request(DataToolsContracts.locate, { dataSourceId, version }, call);
  }

  private async relation(location: VersionLocation): Promise<SourceRelation> {
    const path = await this.files.localPath(location.blobKey, location.sha256);
    return { sql: parquetSource(sqlString(path)), schema: location.schema };
  }

  private async sources(call: CallContext, steps: Step[]): Promise<Map<string, SourceRelation>> {
    const out = new Map<string, SourceRelation>();
    for (const step of steps) {
      const definition = STEPS.get(step.op);
      for (const ref of definition.refs?.(definition.parse(step.params ?? {})) ?? []) {
        const key = versionKey(ref);
        if (!out.has(key)) out.set(key, await this.relation(await this.locate(call, ref)));
      }
    }
    return out;
  }

  /** Runs `work` on the version (recipe applied) inside one DuckDB connection. */
  async with<T>(
    call: CallContext,
    request: ReadRequest,
    work: (opened: OpenedVersion) => Promise<T>,
  ): Promise<T> {
    const location = await this.locate(call, request);
    const steps = (request.recipe ?? []).map((s) => ({ op: s.op, params: s.params ?? {} }));
    const base = await this.relation(location);
    const sources = await this.sources(call, steps).catch(recipeError);
    return (await this.engines.get()).use(async (connection) => {
      const engine = new DuckRecipeEngine(connection);
      const recipe = await compileRecipe({ registry: STEPS, engine, base, steps, sources }).catch(
        recipeError,
      );
      const select = (columns: string[], where = '', order = ident(ROW_ID)) =>
        `${recipe.withClause} SELECT ${columns.join(', ')} FROM ${ident(recipe.head)} ${where} ORDER BY ${order}`;
      return work({ location, recipe, connection, select });
    });
  }
}

function recipeError(error: unknown): never {
  if (error instanceof DomainError) throw error;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  throw new DomainError('invalid_argument', `recipe: ${message}`);
}

export function findColumn(schema: ColumnSchema[], name: string, what: string): ColumnSchema {
  const column = schema.find((c) => c.name === name);
  if (!column) {
    throw new DomainError('invalid_argument', `${what} '${name}' is not a column of the data`, {
      columns: schema.map((c) => c.name),
    });
  }
  return column;
}
