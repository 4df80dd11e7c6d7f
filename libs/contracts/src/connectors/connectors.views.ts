import type { ConnectionType, SslMode } from './connectors.dto.js';

/** A connection as every API returns it: never its password. */
export interface ConnectionView {
  id: string;
  name: string;
  type: ConnectionType;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: SslMode;
  hasPassword: boolean;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

export type ConnectionFailureKind =
  'dns' | 'refused' | 'timeout' | 'authentication' | 'database' | 'tls' | 'blocked' | 'other';

export interface ConnectionTestResult {
  ok: boolean;
  latencyMs: number;
  serverVersion?: string;
  failure?: { kind: ConnectionFailureKind; message: string };
}

export interface TableSummary {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  estimatedRows: number | null;
}

export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  primaryKey: boolean;
}

export interface TableDetail {
  schema: string;
  name: string;
  columns: ColumnInfo[];
}

export interface PreviewResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  truncated: boolean;
}
