import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ModelFileDto,
  PredictDto,
  StartTrainingDto,
  TrainingContracts,
  TrainingIdDto,
  type CallContext,
  type ModelFileLocation,
  type PredictionResult,
  type TrainingAccepted,
  type TrainingView,
} from '@hydroml/contracts';
import { Call } from '@hydroml/nest-kit';
import { PredictionsService } from '../predictions/predictions.service.js';
import { TrainingsService } from './trainings.service.js';

@Controller()
export class TrainingsHandler {
  constructor(
    private readonly trainings: TrainingsService,
    private readonly predictions: PredictionsService,
  ) {}

  @MessagePattern(TrainingContracts.start.subject)
  start(@Payload() dto: StartTrainingDto, @Call() call: CallContext): Promise<TrainingAccepted> {
    return this.trainings.start(call, dto);
  }

  @MessagePattern(TrainingContracts.get.subject)
  get(@Payload() dto: TrainingIdDto, @Call() call: CallContext): Promise<TrainingView> {
    return this.trainings.get(call, dto.id);
  }

  @MessagePattern(TrainingContracts.predict.subject)
  predict(@Payload() dto: PredictDto, @Call() call: CallContext): Promise<PredictionResult> {
    return this.predictions.predict(call, dto);
  }

  @MessagePattern(TrainingContracts.modelFile.subject)
  modelFile(@Payload() dto: ModelFileDto, @Call() call: CallContext): Promise<ModelFileLocation> {
    return this.predictions.modelFile(call, dto);
  }
}
