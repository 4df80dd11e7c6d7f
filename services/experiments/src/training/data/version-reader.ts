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
  stepRefs,
  versionKey,
  type CompiledRecipe,
  recipeLimits,
  type RecipeLimits,
  type SourceRelation,
  type Step,
} from '@hydroml/recipes';
import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { BlobFiles } from './blob-files.js';
import { sqlString } from '@hydroml/recipes';
import { ExperimentsEnv } from '../experiments-env.js';
import { DuckEngines } from './duck-engines.js';
import { loadJsonRows, rowsSchema, type JsonRow } from './json-rows.js';

export interface ReadRequest {
  dataSourceId: string;
  version: number;
  recipe?: Array<{ op: string; params?: Record<string, unknown> }>;
}

/** Rows with a recipe applied, open on one DuckDB connection. */
export interface OpenedRows {
  recipe: CompiledRecipe;
  connection: DuckDBConnection;
  /** `SELECT ... FROM head` with the recipe's CTEs; binds in `recipe.binds`. */
  select(columns: string[], where?: string, order?: string): string;
}

/** A version with its recipe applied, open on one DuckDB connection. */
export interface OpenedVersion extends OpenedRows {
  location: VersionLocation;
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
    private readonly env: ExperimentsEnv,
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
    for (const ref of stepRefs(steps)) {
      const key = versionKey(ref);
      if (!out.has(key)) out.set(key, await this.relation(await this.locate(call, ref)));
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
    const base = await this.relation(location);
    const limits = recipeLimits(this.env);
    return this.open(call, request.recipe, { ...base, limits }, (opened) =>
      work({ ...opened, location }),
    );
  }

  /**
   * Runs `work` on JSON rows read as the recipe's input columns (see rowsSchema), the recipe
   * applied, inside one DuckDB connection; the row id is the row's 0-based place in `rows`. Joins
   * and resample fills may give at most `maxRows` rows.
   */
  withRows<T>(
    call: CallContext,
    rows: readonly JsonRow[],
    recipe: { steps: ReadRequest['recipe']; inputSchema?: ColumnSchema[] },
    maxRows: number,
    work: (opened: OpenedRows) => Promise<T>,
  ): Promise<T> {
    const schema = rowsSchema(rows, recipe.inputSchema);
    const table = `__rows_${randomUUID().replace(/-/g, '')}`;
    // a temporary table: it goes with the connection
    const base = {
      sql: `SELECT * FROM ${ident(table)}`,
      schema,
      load: (c: DuckDBConnection) =>
        loadJsonRows(c, table, rows, schema).catch((error: unknown) => {
          // e.g. an empty key, which DuckDB cannot name a column: the rows are at fault
          throw error instanceof DomainError ? error : badData('rows', error);
        }),
      limits: recipeLimits(this.env, maxRows),
    };
    return this.open(call, recipe.steps, base, work);
  }

  /** Resolves the versions the steps read (joins), then compiles the recipe on a connection. */
  private async open<T>(
    call: CallContext,
    raw: ReadRequest['recipe'],
    base: SourceRelation & {
      load?: (c: DuckDBConnection) => Promise<void>;
      limits: RecipeLimits;
    },
    work: (opened: OpenedRows) => Promise<T>,
  ): Promise<T> {
    const steps = (raw ?? []).map((s) => ({ op: s.op, params: s.params ?? {} }));
    const sources = await this.sources(call, steps).catch(recipeError);
    return (await this.engines.get()).use(async (connection) => {
      await base.load?.(connection);
      const engine = new DuckRecipeEngine(connection);
      const relation = { sql: base.sql, schema: base.schema };
      const recipe = await compileRecipe({
        ...{ registry: STEPS, engine, base: relation, steps, sources, limits: base.limits },
      }).catch(recipeError);
      const select = (columns: string[], where = '', order = ident(ROW_ID)) =>
        `${recipe.withClause} SELECT ${columns.join(', ')} FROM ${ident(recipe.head)} ${where} ORDER BY ${order}`;
      return work({ recipe, connection, select }).catch((error: unknown) => {
        // a step failing on the values (a cast, a fill past its limit) is the data's fault: a
        // 400 for a request, a job failure that is not retried
        throw DATA_ERROR.test(errorText(error)) ? badData('the recipe on this data', error) : error;
      });
    });
  }
}

/** DuckDB's errors about the values a query met (not about the engine or the machine). */
const DATA_ERROR = /^(Invalid Input|Conversion|Out of Range) Error:/;

/** The message of an error, also of one made in another realm (DuckDB's, under a test runner). */
function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function badData(what: string, error: unknown): DomainError {
  return new DomainError('invalid_argument', `${what}: ${errorText(error).split('\n')[0]}`);
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
