import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ArtifactsContracts,
  AuthorizeArtifactsDto,
  type ArtifactGrant,
  type CallContext,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ArtifactsService } from './artifacts.service.js';

@Controller()
export class ArtifactsHandler {
  constructor(private readonly artifacts: ArtifactsService) {}

  @MessagePattern(ArtifactsContracts.authorize.subject)
  authorize(
    @Payload() dto: AuthorizeArtifactsDto,
    @Call() call: CallContext,
  ): Promise<ArtifactGrant> {
    return this.artifacts.authorize(call, dto);
  }
}
