import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ProjectsContracts,
  type AccessAction,
  type CallContext,
  type JobResource,
} from '@hydroml/contracts';
import { NatsClient, requireScope } from '@hydroml/nest-kit';

/** Asks projects whether the caller may act on a project or data source. */
@Injectable()
export class AccessClient {
  constructor(private readonly nats: NatsClient) {}

  async require(call: CallContext, resource: JobResource, action: AccessAction): Promise<string> {
    const principal = requireScope(call, action === 'read' ? 'read' : 'write');
    const decision = await this.nats.request(
      ProjectsContracts.checkAccess,
      { resource: resource.type, id: resource.id, action },
      call,
    );
    if (decision.role === null) {
      throw new DomainError('not_found', `${resource.type.replace('_', ' ')} not found`);
    }
    if (!decision.allowed) {
      throw new DomainError(
        'permission_denied',
        `your role may not ${action} this ${resource.type}`,
      );
    }
    return principal.userId;
  }
}
