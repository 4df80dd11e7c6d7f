import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateExperimentDto,
  DeleteExperimentTagDto,
  ExperimentByNameDto,
  ExperimentIdDto,
  ExperimentsContracts as C,
  NativeTrackingContracts,
  ProjectExperimentsDto,
  SearchExperimentsDto,
  SetExperimentTagDto,
  UpdateExperimentDto,
  type CallContext,
  type CreateExperimentResult,
  type Empty,
  type ExperimentResult,
  type ExperimentView,
  type Page,
  type SearchExperimentsResult,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { ExperimentsService } from './experiments.service.js';

@Controller()
export class ExperimentsHandler {
  constructor(private readonly experiments: ExperimentsService) {}

  @MessagePattern(C.createExperiment.subject)
  async create(
    @Payload() dto: CreateExperimentDto,
    @Call() call: CallContext,
  ): Promise<CreateExperimentResult> {
    return { experiment_id: await this.experiments.create(call, dto) };
  }

  @MessagePattern(C.getExperiment.subject)
  async get(@Payload() dto: ExperimentIdDto, @Call() call: CallContext): Promise<ExperimentResult> {
    return { experiment: await this.experiments.get(call, dto.experiment_id) };
  }

  @MessagePattern(C.getExperimentByName.subject)
  async getByName(
    @Payload() dto: ExperimentByNameDto,
    @Call() call: CallContext,
  ): Promise<ExperimentResult> {
    return { experiment: await this.experiments.getByName(call, dto.experiment_name) };
  }

  @MessagePattern(C.searchExperiments.subject)
  search(
    @Payload() dto: SearchExperimentsDto,
    @Call() call: CallContext,
  ): Promise<SearchExperimentsResult> {
    return this.experiments.search(call, dto);
  }

  @MessagePattern(NativeTrackingContracts.projectExperiments.subject)
  byProject(
    @Payload() dto: ProjectExperimentsDto,
    @Call() call: CallContext,
  ): Promise<Page<ExperimentView>> {
    return this.experiments.byProject(call, dto);
  }

  @MessagePattern(C.updateExperiment.subject)
  async update(@Payload() dto: UpdateExperimentDto, @Call() call: CallContext): Promise<Empty> {
    await this.experiments.rename(call, dto.experiment_id, dto.new_name);
    return {};
  }

  @MessagePattern(C.deleteExperiment.subject)
  async delete(@Payload() dto: ExperimentIdDto, @Call() call: CallContext): Promise<Empty> {
    await this.experiments.setLifecycle(call, dto.experiment_id, 'deleted');
    return {};
  }

  @MessagePattern(C.restoreExperiment.subject)
  async restore(@Payload() dto: ExperimentIdDto, @Call() call: CallContext): Promise<Empty> {
    await this.experiments.setLifecycle(call, dto.experiment_id, 'active');
    return {};
  }

  @MessagePattern(C.setExperimentTag.subject)
  async setTag(@Payload() dto: SetExperimentTagDto, @Call() call: CallContext): Promise<Empty> {
    await this.experiments.setTag(call, dto.experiment_id, dto.key, dto.value);
    return {};
  }

  @MessagePattern(C.deleteExperimentTag.subject)
  async deleteTag(
    @Payload() dto: DeleteExperimentTagDto,
    @Call() call: CallContext,
  ): Promise<Empty> {
    await this.experiments.deleteTag(call, dto.experiment_id, dto.key);
    return {};
  }
}
