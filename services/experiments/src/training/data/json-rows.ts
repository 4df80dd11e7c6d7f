import type { DuckDBConnection } from '@duckdb/node-api';
import { DomainError, type ColumnSchema } from '@hydroml/contracts';
import { ident, ROW_ID, sqlString } from '@hydroml/recipes';

export type JsonRow = Record<string, unknown>;

/** DuckDB type names as DESCRIBE prints them (anything else is read as text). */
const TYPE_NAME = /^[A-Z][A-Z0-9_ ]*(\([0-9, ]+\))?(\[\])?$/;

function guessed(name: string, values: unknown[]): ColumnSchema {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) {
    return { name, type: 'boolean', sourceType: 'BOOLEAN' };
  }
  if (present.length > 0 && present.every((v) => typeof v === 'number')) {
    const whole = present.every((v) => Number.isSafeInteger(v));
    return whole
      ? { name, type: 'integer', sourceType: 'BIGINT' }
      : { name, type: 'float', sourceType: 'DOUBLE' };
  }
  return { name, type: 'string', sourceType: 'VARCHAR' };
}

/**
 * The columns JSON rows are read as: the training version's columns when the run stored them
 * (keys the rows lack are missing values, other keys are ignored), else one column per key with a
 * type guessed from the values (booleans, whole numbers, numbers, else text).
 */
export function rowsSchema(rows: readonly JsonRow[], inputSchema?: ColumnSchema[]): ColumnSchema[] {
  if (inputSchema) {
    return inputSchema.map((c) =>
      TYPE_NAME.test(c.sourceType) ? c : { ...c, type: 'string', sourceType: 'VARCHAR' },
    );
  }
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return names.map((name) =>
    guessed(
      name,
      rows.map((r) => r[name]),
    ),
  );
}

/**
 * Loads JSON rows into the temporary table `table` (gone with the connection) with the schema's
 * types and the row id (0-based input order); a value that does not convert is a 400 naming it.
 */
export async function loadJsonRows(
  connection: DuckDBConnection,
  table: string,
  rows: readonly JsonRow[],
  schema: readonly ColumnSchema[],
): Promise<void> {
  if (schema.length === 0) {
    // nothing to read (no keys at all): only the row ids (a JSON structure cannot be empty)
    const ids = `SELECT range AS ${ident(ROW_ID)} FROM range(${rows.length})`;
    await connection.run(`CREATE TEMP TABLE ${ident(table)} AS ${ids}`);
    return;
  }
  const raw = `${table}_text`;
  // Every value as text first (JSON numbers, booleans and strings alike), then cast once.
  const structure = JSON.stringify([Object.fromEntries(schema.map((c) => [c.name, 'VARCHAR']))]);
  await connection.run(
    `CREATE TEMP TABLE ${ident(raw)} AS
     SELECT unnest(l, recursive := true), generate_subscripts(l, 1) - 1 AS ${ident(ROW_ID)}
     FROM (SELECT from_json($1::JSON, ${sqlString(structure)}) AS l)`,
    [JSON.stringify(rows)],
  );
  await refuseUnconvertible(connection, raw, schema);
  const casts = schema.map((c) => `CAST(${ident(c.name)} AS ${c.sourceType}) AS ${ident(c.name)}`);
  await connection.run(
    `CREATE TEMP TABLE ${ident(table)} AS
     SELECT ${[...casts, ident(ROW_ID)].join(', ')} FROM ${ident(raw)} ORDER BY ${ident(ROW_ID)}`,
  );
}

async function refuseUnconvertible(
  connection: DuckDBConnection,
  raw: string,
  schema: readonly ColumnSchema[],
): Promise<void> {
  const firstBad = schema.map((c) => {
    const q = ident(c.name);
    return `first(${q}) FILTER (${q} IS NOT NULL AND TRY_CAST(${q} AS ${c.sourceType}) IS NULL)`;
  });
  const reader = await connection.runAndReadAll(`SELECT ${firstBad.join(', ')} FROM ${ident(raw)}`);
  const [values] = reader.getRows();
  const at = values.findIndex((v) => v !== null);
  if (at < 0) return;
  const column = schema[at];
  throw new DomainError(
    'invalid_argument',
    `rows: column '${column.name}' holds ${JSON.stringify(values[at])}, which is not a ${column.type} (${column.sourceType}) as in the training data`,
    { column: column.name },
  );
}
