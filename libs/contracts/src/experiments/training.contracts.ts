import { contract } from '../contract.js';
import { ModelFileDto, PredictDto, StartTrainingDto, TrainingIdDto } from './training.dto.js';
import type {
  ModelFileLocation,
  PredictionResult,
  TrainingAccepted,
  TrainingView,
} from './training.views.js';

export const TrainingContracts = {
  start: contract<StartTrainingDto, TrainingAccepted>(
    'experiments.trainings.start',
    StartTrainingDto,
  ),
  get: contract<TrainingIdDto, TrainingView>('experiments.trainings.get', TrainingIdDto),
  predict: contract<PredictDto, PredictionResult>('experiments.models.predict', PredictDto),
  modelFile: contract<ModelFileDto, ModelFileLocation>('experiments.models.file', ModelFileDto),
} as const;
