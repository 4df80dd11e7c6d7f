import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PreflightDto,
  QualityContracts,
  type CallContext,
  type PreflightResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { PreflightService } from './preflight/preflight.service.js';

/** NATS subjects of the quality area: map message -> service -> view. */
@Controller()
export class QualityHandler {
  constructor(private readonly preflightService: PreflightService) {}

  @MessagePattern(QualityContracts.preflight.subject)
  preflight(@Payload() dto: PreflightDto, @Call() call: CallContext): Promise<PreflightResult> {
    return this.preflightService.check(call, dto);
  }
}
