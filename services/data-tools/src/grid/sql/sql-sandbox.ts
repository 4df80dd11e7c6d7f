import {
  DuckDBInstance,
  StatementType,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { DomainError, type ColumnSchema } from '@hydroml/contracts';
import { columnTypeOf, ROW_ID } from '@hydroml/recipes';
import { sqlString } from '../../engine/duck-engine.js';
import { fromRelation, type GridRelation } from '../grid-relation.js';
import { inlineBinds } from './inline-binds.js';

export interface SandboxLimits {
  rows: number;
  timeoutMs: number;
  threads: number;
  memoryLimit: string;
}

export interface SandboxResult {
  columns: ColumnSchema[];
  rows: Array<Record<string, unknown>>;
  truncated: boolean;
}

/** The name user SQL reads the dataset by. */
export const DATASET_VIEW = 'data';

/**
 * A throwaway DuckDB for one user query: the dataset as the view `data`, then file access off
 * except the dataset's own files (allowed_paths), configuration locked, extensions never loaded.
 */
async function openSandbox(relation: GridRelation, limits: SandboxLimits, writableDir?: string) {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    threads: String(limits.threads),
    memory_limit: limits.memoryLimit,
  });
  const connection = await instance.connect();
  const files = (relation.files ?? []).map(sqlString).join(', ');
  await connection.run(`SET allowed_paths = [${files}]`);
  if (writableDir) await connection.run(`SET allowed_directories = [${sqlString(writableDir)}]`);
  const { prefix, from } = fromRelation(relation);
  const body = inlineBinds(`${prefix}SELECT * EXCLUDE ("${ROW_ID}") FROM ${from}`, relation.binds);
  await connection.run(`CREATE VIEW ${DATASET_VIEW} AS ${body}`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
  return { instance, connection };
}

/** Exactly one statement, and it must be a query (SELECT / WITH … SELECT / VALUES). */
async function prepareQuery(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement> {
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1) {
    throw new DomainError('invalid_argument', 'send exactly one SELECT statement');
  }
  const prepared = await statements.prepare(0);
  if (prepared.statementType !== StatementType.SELECT) {
    const kind = StatementType[prepared.statementType] ?? 'this statement';
    throw new DomainError('invalid_argument', `only SELECT queries may run here, not ${kind}`);
  }
  if (prepared.parameterCount > 0) {
    throw new DomainError('invalid_argument', 'the query must not have parameters');
  }
  return prepared;
}

async function readLimited(prepared: DuckDBPreparedStatement, limit: number) {
  const reader = await prepared.streamAndReadUntil(limit + 1);
  const names = reader.columnNames();
  const columns = reader.columnTypes().map((t, i) => ({
    name: names[i],
    type: columnTypeOf(t.toString()),
    sourceType: t.toString(),
  }));
  const rows = reader.getRowObjectsJson() as Array<Record<string, unknown>>;
  return { columns, rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Runs one read-only query over `relation`; interrupted after the time limit. */
export async function runSandboxed(
  relation: GridRelation,
  sql: string,
  limits: SandboxLimits,
): Promise<SandboxResult> {
  const { instance, connection } = await openSandbox(relation, limits);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.interrupt();
  }, limits.timeoutMs);
  try {
    const prepared = await prepareQuery(connection, sql);
    return await readLimited(prepared, limits.rows);
  } catch (error) {
    if (timedOut) {
      throw new DomainError(
        'deadline_exceeded',
        `the query ran longer than ${limits.timeoutMs} ms`,
      );
    }
    throw userError(error);
  } finally {
    clearTimeout(timer);
    connection.closeSync();
    instance.closeSync();
  }
}

function userError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? 'the query failed';
  const denied = /Permission Error|disabled by configuration/i.test(text);
  return new DomainError(
    'invalid_argument',
    denied ? `the console may only read the dataset (${line.slice(0, 200)})` : line.slice(0, 400),
  );
}

/**
 * Writes the full result of one read-only query over `relation` to `output` (Parquet), in the same
 * sandbox: the query is checked as in runSandboxed, and the only writable place is `output`'s folder.
 */
export async function materialiseSandboxed(
  relation: GridRelation,
  sql: string,
  output: { dir: string; file: string },
  limits: SandboxLimits,
): Promise<void> {
  const { instance, connection } = await openSandbox(relation, limits, output.dir);
  try {
    await prepareQuery(connection, sql);
    const body = sql.trim().replace(/;+\s*$/, '');
    await connection.run(`COPY (\n${body}\n) TO ${sqlString(output.file)} (FORMAT parquet)`);
  } catch (error) {
    throw userError(error);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
