import { contract, EmptyDto, type Ok } from '../contract.js';
import type { JobView } from '../jobs/jobs.views.js';
import {
  ConnectionIdDto,
  CreateConnectionDto,
  CreateSqliteConnectionDto,
  DescribeTableDto,
  ImportDto,
  PreviewDto,
  UpdateConnectionDto,
} from './connectors.dto.js';
import type {
  ConnectionTestResult,
  ConnectionView,
  PreviewResult,
  TableDetail,
  TableSummary,
} from './connectors.views.js';

export const ConnectorsContracts = {
  create: contract<CreateConnectionDto, ConnectionView>(
    'connectors.connections.create',
    CreateConnectionDto,
  ),
  /** A SQLite connection over a file already in the blob store (the gateway's multipart upload). */
  createSqlite: contract<CreateSqliteConnectionDto, ConnectionView>(
    'connectors.connections.create-sqlite',
    CreateSqliteConnectionDto,
  ),
  list: contract<EmptyDto, ConnectionView[]>('connectors.connections.list', EmptyDto),
  get: contract<ConnectionIdDto, ConnectionView>('connectors.connections.get', ConnectionIdDto),
  update: contract<UpdateConnectionDto, ConnectionView>(
    'connectors.connections.update',
    UpdateConnectionDto,
  ),
  delete: contract<ConnectionIdDto, Ok>('connectors.connections.delete', ConnectionIdDto),
  test: contract<ConnectionIdDto, ConnectionTestResult>(
    'connectors.connections.test',
    ConnectionIdDto,
  ),
  tables: contract<ConnectionIdDto, TableSummary[]>('connectors.tables.list', ConnectionIdDto),
  describe: contract<DescribeTableDto, TableDetail>('connectors.tables.describe', DescribeTableDto),
  preview: contract<PreviewDto, PreviewResult>('connectors.queries.preview', PreviewDto),
  /** Starts an import job (rows streamed into a new data source or version). */
  import: contract<ImportDto, JobView>('connectors.imports.start', ImportDto),
} as const;
