/**
 * The child process that runs SQLite. better-sqlite3 is synchronous and a query runs inside
 * SQLite's C code, where neither the event loop nor a worker thread's terminate() can stop it:
 * a separate process can always be killed at the timeout. Plain CommonJS, run with `node -e`, so
 * the same code works from the build and from the test runner. Batches wait for credit from the
 * parent: at most two are ever in flight.
 */
export const SQLITE_CHILD_SOURCE = `
const w = JSON.parse(process.env.HYDROML_SQLITE_TASK);
const Database = require(w.module);
let credit = 2;
let wake = null;
process.on('message', () => { credit += 1; if (wake) { const f = wake; wake = null; f(); } });
const cell = (v) => typeof v === 'bigint'
  ? (v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : v.toString())
  : Buffer.isBuffer(v) ? '\\\\x' + v.toString('hex') : v;
async function send(message) {
  while (credit <= 0) await new Promise((resolve) => { wake = resolve; });
  credit -= 1;
  await new Promise((resolve) => process.send(message, resolve));
}
const ident = (name) => '"' + String(name).replace(/"/g, '""') + '"';
async function run(db) {
  if (w.op === 'version') return send({ done: db.prepare('SELECT sqlite_version() AS v').get().v });
  if (w.op === 'tables') {
    const rows = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return send({ done: rows.map((r) => ({ schema: 'main', name: r.name, kind: r.type,
      estimatedRows: r.type === 'table' ? db.prepare('SELECT count(*) AS n FROM ' + ident(r.name)).get().n : null })) });
  }
  if (w.op === 'describe') {
    const cols = db.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)').all(w.table);
    return send({ done: cols.map((c) => ({ name: c.name, type: (c.type || 'any').toLowerCase(), nullable: !c.nn, primaryKey: c.pk > 0 })) });
  }
  const stmt = db.prepare(w.sql);
  if (!stmt.reader) throw new Error('only a query that returns rows is accepted');
  stmt.raw(true);
  stmt.safeIntegers(true);
  const columns = stmt.columns().map((c) => ({ name: c.name, type: (c.type || 'any').toLowerCase() }));
  let rows = [];
  let count = 0;
  for (const row of stmt.iterate()) {
    rows.push(row.map(cell));
    count += 1;
    if (w.limit && count >= w.limit) break;
    if (rows.length >= w.batchRows) { await send({ columns, rows }); rows = []; }
  }
  await send({ columns, rows, last: true });
}
let db;
(async () => {
  try {
    db = new Database(w.path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    await run(db);
  } catch (error) {
    await new Promise((resolve) => process.send({ error: String((error && error.message) || error), code: error && error.code }, resolve));
  } finally {
    if (db) db.close();
    process.disconnect();
  }
})();
`;
