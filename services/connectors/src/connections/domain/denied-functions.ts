import type { ConnectionType } from '@hydroml/contracts';

/**
 * Functions a read-only transaction does not stop: they act on the server (files, other sessions,
 * configuration, locks, notifications, sequences, replication) or run SQL given as text. A query
 * calling one is refused, whatever its schema qualification, quoting or case. Listed in the README.
 */
const POSTGRES_NAMES = [
  // server files (large objects, lo_import/lo_export among them, are a family below)
  'pg_read_file',
  'pg_read_binary_file',
  'pg_stat_file',
  'pg_file_write',
  'pg_file_rename',
  'pg_file_unlink',
  'pg_file_sync',
  // other sessions and the server itself
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_log_backend_memory_contexts',
  'pg_switch_wal',
  'pg_promote',
  'pg_backup_start',
  'pg_backup_stop',
  'pg_start_backup',
  'pg_stop_backup',
  'pg_wal_replay_pause',
  'pg_wal_replay_resume',
  'pg_import_system_collations',
  'pg_logical_emit_message',
  'pg_drop_replication_slot',
  'pg_copy_physical_replication_slot',
  'pg_copy_logical_replication_slot',
  // session state, locks, notifications, sequences
  'set_config',
  'pg_notify',
  'nextval',
  'setval',
  // SQL given as text, which this check cannot see
  'query_to_xml',
  'query_to_xml_and_xmlschema',
  'query_to_xmlschema',
  'cursor_to_xml',
  'cursor_to_xmlschema',
];
/** Whole families: large objects, directory listings, advisory locks, dblink, replication, stats resets. */
const POSTGRES_PREFIXES = [
  'lo_',
  'pg_ls_',
  'pg_advisory_',
  'pg_try_advisory_',
  'dblink',
  'pg_create_',
  'pg_replication_origin_',
  'pg_stat_reset',
  'pg_stat_statements_reset',
];

const MYSQL_NAMES = [
  'load_file',
  'get_lock',
  'release_lock',
  'release_all_locks',
  'nextval',
  'setval',
  'lastval',
  // lib_mysqludf_sys: shell commands
  'sys_exec',
  'sys_eval',
  'sys_get',
  'sys_set',
];

const SQLITE_NAMES = ['load_extension', 'readfile', 'writefile', 'edit', 'fts3_tokenizer'];

const DENIED: Record<ConnectionType, { names: Set<string>; prefixes: string[] }> = {
  postgresql: { names: new Set(POSTGRES_NAMES), prefixes: POSTGRES_PREFIXES },
  mysql: { names: new Set(MYSQL_NAMES), prefixes: [] },
  sqlite: { names: new Set(SQLITE_NAMES), prefixes: [] },
};

/** Whether calling `name` (unqualified, any case) is refused for this engine. */
export function isDeniedFunction(name: string, type: ConnectionType): boolean {
  const lower = name.toLowerCase();
  const denied = DENIED[type];
  return denied.names.has(lower) || denied.prefixes.some((p) => lower.startsWith(p));
}

interface NamePart {
  value?: unknown;
}

/** The unqualified name of a parsed function call (`{ name: [{ value }] }` or a plain string). */
export function functionName(node: Record<string, unknown>): string | null {
  const name = node.name;
  if (typeof name === 'string') return name;
  if (typeof name !== 'object' || name === null) return null;
  const parts = (name as { name?: unknown }).name;
  if (!Array.isArray(parts) || parts.length === 0) return null;
  const last = (parts[parts.length - 1] as NamePart).value;
  return typeof last === 'string' ? last : null;
}
