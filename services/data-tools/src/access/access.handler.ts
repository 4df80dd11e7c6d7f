import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ProjectsEvents, type MembershipChangedV1 } from '@hydroml/contracts';
import { AccessClient } from './access.client.js';

@Controller()
export class AccessHandler {
  constructor(private readonly access: AccessClient) {}

  /** A changed membership must not keep its old grants for the cache's lifetime. */
  @EventPattern<Record<string, MembershipChangedV1>>(ProjectsEvents.membershipChanged.subject)
  async membershipChanged(@Payload() event: MembershipChangedV1): Promise<void> {
    await this.access.forget(event.userId);
  }
}
