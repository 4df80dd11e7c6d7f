import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccessCheckDto,
  ProjectsContracts,
  type AccessDecision,
  type CallContext,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { AccessService } from './access.service.js';

@Controller()
export class AccessHandler {
  constructor(private readonly access: AccessService) {}

  @MessagePattern(ProjectsContracts.checkAccess.subject)
  check(@Payload() dto: AccessCheckDto, @Call() call: CallContext): Promise<AccessDecision> {
    return this.access.check(call, dto);
  }
}
