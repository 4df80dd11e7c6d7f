import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreatePresetDto,
  ListPresetsDto,
  PresetContracts,
  PresetIdDto,
  type CallContext,
  type PresetView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { PresetsService } from './presets.service.js';

@Controller()
export class PresetsHandler {
  constructor(private readonly presets: PresetsService) {}

  @MessagePattern(PresetContracts.create.subject)
  create(@Payload() dto: CreatePresetDto, @Call() call: CallContext): Promise<PresetView> {
    return this.presets.create(call, dto);
  }

  @MessagePattern(PresetContracts.list.subject)
  list(@Payload() dto: ListPresetsDto, @Call() call: CallContext): Promise<PresetView[]> {
    return this.presets.list(call, dto.modelType);
  }

  @MessagePattern(PresetContracts.delete.subject)
  delete(@Payload() dto: PresetIdDto, @Call() call: CallContext): Promise<{ deleted: true }> {
    return this.presets.delete(call, dto.id);
  }
}
