import sqlParser from 'node-sql-parser';
import { DomainError, type ConnectionType } from '@hydroml/contracts';
import { functionName, isDeniedFunction } from './denied-functions.js';
import { mysqlHiddenCode } from './mysql-lexer.js';

// node-sql-parser is CommonJS: Node's ESM loader exposes it only through the default export.
const parser = new sqlParser.Parser();
const DIALECT: Record<ConnectionType, string> = {
  postgresql: 'postgresql',
  mysql: 'mariadb',
  sqlite: 'sqlite',
};
const WRITES = new Set([
  'insert',
  'update',
  'delete',
  'replace',
  'create',
  'drop',
  'alter',
  'truncate',
  'rename',
  'grant',
  'revoke',
  'call',
  'set',
  'lock',
  'unlock',
  'use',
]);

function reject(reason: string): never {
  throw new DomainError(
    'invalid_argument',
    `only a single read-only SELECT is accepted: ${reason}`,
  );
}

/** Depth-first walk over every object in the AST, so a write hidden anywhere is found. */
function* nodes(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    yield node;
    for (const child of Object.values(node)) yield* nodes(child);
  }
}

function checkNode(node: Record<string, unknown>, type: ConnectionType): void {
  if (typeof node.type === 'string' && WRITES.has(node.type.toLowerCase()))
    reject(`it contains ${node.type.toUpperCase()}`);
  const into = node.into as { expr?: unknown } | undefined;
  if (node.type === 'select' && into?.expr) reject('SELECT ... INTO writes data');
  if (node.locking_read) reject('locking reads (FOR UPDATE / FOR SHARE) are not allowed');
  if (node.type === 'function' || node.type === 'aggr_func') {
    const name = functionName(node);
    if (name !== null && isDeniedFunction(name, type))
      reject(`${name}() acts on the server beyond reading`);
  }
}

/**
 * Decides by parsing, never by matching text: exactly one statement, a SELECT (CTEs allowed),
 * with no write, INTO or locking clause and no call of a denied function (denied-functions.ts)
 * anywhere in its tree. A query the parser cannot read is refused (fail closed). For MySQL, text
 * the server would run but the parser skips as a comment is refused first (mysql-lexer.ts).
 * Execution still runs in a read-only transaction as a second guard.
 */
export function assertReadOnlySelect(sql: string, type: ConnectionType): void {
  if (type === 'mysql') {
    const hidden = mysqlHiddenCode(sql);
    if (hidden) reject(hidden);
  }
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: DIALECT[type] });
  } catch {
    reject('the query could not be parsed as one');
  }
  const statements = (Array.isArray(ast) ? ast : [ast]).filter(
    (s) => s !== null && s !== undefined,
  );
  if (statements.length !== 1) reject(`found ${statements.length} statements`);
  const root = statements[0] as { type?: string };
  if (root.type !== 'select') reject(`it is a ${String(root.type).toUpperCase()} statement`);
  for (const node of nodes(root)) checkNode(node, type);
}
