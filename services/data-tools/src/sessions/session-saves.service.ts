import { Injectable } from '@nestjs/common';
import {
  DataToolsEvents,
  DomainError,
  ProjectsContracts,
  type CallContext,
  type JobView,
  type SaveSessionDto,
} from '@hydroml/contracts';
import { JobQueue } from '@hydroml/jobs';
import { NatsClient } from '@hydroml/nest-kit';
import { AccessClient } from '../access/access.client.js';
import { SESSION_SAVE, type SessionSavePayload } from './session-save.job.js';
import { SessionHeads } from './session-heads.js';

/**
 * "Save": the session's creator makes its head a new version of the same data source (editors) or
 * of a new data source in a project (editors of that project). Answers the job; the version appears when it succeeds.
 */
@Injectable()
export class SessionSaves {
  constructor(
    private readonly heads: SessionHeads,
    private readonly access: AccessClient,
    private readonly queue: JobQueue,
    private readonly nats: NatsClient,
  ) {}

  async save(call: CallContext, dto: SaveSessionDto): Promise<JobView> {
    const head = await this.heads.resolve(call, dto.sessionId, true);
    const target = await this.target(call, dto, head.session.dataSourceId);
    const payload: SessionSavePayload = {
      ...{
        sessionId: head.session.id,
        targetDataSourceId: target.id,
        newDataSource: target.created,
      },
      ...{ parents: head.parents, steps: head.recipe.steps, createdBy: target.userId },
    };
    const job = await this.queue.enqueue(
      SESSION_SAVE,
      { ...payload },
      {
        resource: { type: 'data_source', id: target.id },
        createdBy: target.userId,
      },
    );
    if (target.created) {
      this.nats.emit(DataToolsEvents.dataSourceStatusChanged, {
        ...{ dataSourceId: target.id, status: 'processing', reason: null },
      });
    }
    return job;
  }

  private async target(
    call: CallContext,
    dto: SaveSessionDto,
    dataSourceId: string,
  ): Promise<{ id: string; created: boolean; userId: string }> {
    if ((dto.target ?? 'version') === 'version') {
      const userId = await this.access.require(
        call,
        { type: 'data_source', id: dataSourceId },
        'write',
      );
      return { id: dataSourceId, created: false, userId };
    }
    if (!dto.projectId || !dto.name) {
      throw new DomainError('invalid_argument', 'a new data source needs "projectId" and "name"', {
        field: dto.projectId ? 'name' : 'projectId',
      });
    }
    const userId = await this.access.require(call, { type: 'project', id: dto.projectId }, 'write');
    const created = await this.nats.request(
      ProjectsContracts.createDataSource,
      { projectId: dto.projectId, name: dto.name, description: dto.description, kind: 'derived' },
      call,
    );
    return { id: created.id, created: true, userId };
  }
}
