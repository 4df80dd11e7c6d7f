import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ProjectsContracts,
  type CallContext,
  type ImportDto,
  type JobView,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { NatsClient, requireScope } from '@hydroml/nest-kit';
import { ConnectionsService } from '../connections/connections.service.js';
import { assertReadOnlySelect } from '../connections/domain/read-only-query.js';
import { IMPORT, type ImportPayload } from './import.job.js';

/** Checks an import request up front, then queues it as a job of this service. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly queue: JobQueue,
    private readonly nats: NatsClient,
  ) {}

  async start(call: CallContext, dto: ImportDto): Promise<JobView> {
    const principal = requireScope(call, 'write');
    const connection = await this.connections.owned(call, dto.id);
    if ((dto.table === undefined) === (dto.query === undefined)) {
      throw new DomainError('invalid_argument', 'give either a table or a query');
    }
    if (dto.query !== undefined) assertReadOnlySelect(dto.query, connection.type);
    const toNew = dto.projectId !== undefined && dto.name !== undefined;
    if (toNew === (dto.dataSourceId !== undefined)) {
      throw new DomainError(
        'invalid_argument',
        'give either projectId and name (a new data source) or dataSourceId (a new version)',
      );
    }
    if (dto.incrementalColumn !== undefined && dto.dataSourceId === undefined) {
      throw new DomainError(
        'invalid_argument',
        'an incremental import adds a version to an existing data source: give dataSourceId',
      );
    }
    const resource = toNew
      ? { resource: 'project' as const, id: dto.projectId! }
      : { resource: 'data_source' as const, id: dto.dataSourceId! };
    const decision = await this.nats.request(
      ProjectsContracts.checkAccess,
      { ...resource, action: 'write' },
      call,
    );
    if (!decision.allowed) {
      throw decision.role === null
        ? new DomainError('not_found', `${resource.resource.replace('_', ' ')} not found`)
        : new DomainError(
            'permission_denied',
            `your role does not allow importing into this ${resource.resource.replace('_', ' ')}`,
          );
    }
    const payload: ImportPayload = {
      connectionId: connection.id,
      principal,
      table: dto.table,
      query: dto.query,
      projectId: dto.projectId,
      name: dto.name ?? dto.table ?? 'query',
      dataSourceId: dto.dataSourceId,
      incrementalColumn: dto.incrementalColumn,
    };
    return this.queue.enqueue(IMPORT, payload, { createdBy: principal.userId });
  }
}
