import { contract, type Page } from '../contract.js';
import { ProjectExperimentsDto } from './native.dto.js';
import {
  AliasDto,
  CreateModelVersionDto,
  CreateRegisteredModelDto,
  LatestVersionsDto,
  ModelNameDto,
  ModelTagDto,
  ModelTagKeyDto,
  ModelVersionRefDto,
  ModelVersionTagDto,
  ModelVersionTagKeyDto,
  RenameRegisteredModelDto,
  SearchRegistryDto,
  SetAliasDto,
  TransitionStageDto,
  UpdateModelVersionDto,
  UpdateRegisteredModelDto,
} from './registry.dto.js';
import type {
  DownloadUriResult,
  RegisteredModelView,
  ModelVersionResult,
  ModelVersionsResult,
  RegisteredModelResult,
  SearchRegisteredModelsResult,
} from './registry.views.js';
import type { Empty } from './tracking.views.js';

const rm = (verb: string): string => `experiments.registered-models.${verb}`;
const mv = (verb: string): string => `experiments.model-versions.${verb}`;

/** The model registry subjects, payloads in MLflow's field names. */
export const RegistryContracts = {
  createModel: contract<CreateRegisteredModelDto, RegisteredModelResult>(
    rm('create'),
    CreateRegisteredModelDto,
  ),
  renameModel: contract<RenameRegisteredModelDto, RegisteredModelResult>(
    rm('rename'),
    RenameRegisteredModelDto,
  ),
  updateModel: contract<UpdateRegisteredModelDto, RegisteredModelResult>(
    rm('update'),
    UpdateRegisteredModelDto,
  ),
  deleteModel: contract<ModelNameDto, Empty>(rm('delete'), ModelNameDto),
  getModel: contract<ModelNameDto, RegisteredModelResult>(rm('get'), ModelNameDto),
  searchModels: contract<SearchRegistryDto, SearchRegisteredModelsResult>(
    rm('search'),
    SearchRegistryDto,
  ),
  latestVersions: contract<LatestVersionsDto, ModelVersionsResult>(
    rm('latest-versions'),
    LatestVersionsDto,
  ),
  setModelTag: contract<ModelTagDto, Empty>(rm('tags.set'), ModelTagDto),
  deleteModelTag: contract<ModelTagKeyDto, Empty>(rm('tags.delete'), ModelTagKeyDto),
  setAlias: contract<SetAliasDto, Empty>(rm('aliases.set'), SetAliasDto),
  deleteAlias: contract<AliasDto, Empty>(rm('aliases.delete'), AliasDto),
  getByAlias: contract<AliasDto, ModelVersionResult>(rm('aliases.get'), AliasDto),
  createVersion: contract<CreateModelVersionDto, ModelVersionResult>(
    mv('create'),
    CreateModelVersionDto,
  ),
  updateVersion: contract<UpdateModelVersionDto, ModelVersionResult>(
    mv('update'),
    UpdateModelVersionDto,
  ),
  deleteVersion: contract<ModelVersionRefDto, Empty>(mv('delete'), ModelVersionRefDto),
  getVersion: contract<ModelVersionRefDto, ModelVersionResult>(mv('get'), ModelVersionRefDto),
  searchVersions: contract<SearchRegistryDto, ModelVersionsResult>(mv('search'), SearchRegistryDto),
  transitionStage: contract<TransitionStageDto, ModelVersionResult>(
    mv('transition-stage'),
    TransitionStageDto,
  ),
  downloadUri: contract<ModelVersionRefDto, DownloadUriResult>(
    mv('download-uri'),
    ModelVersionRefDto,
  ),
  setVersionTag: contract<ModelVersionTagDto, Empty>(mv('tags.set'), ModelVersionTagDto),
  /** Native view: the registered models of one project, a page at a time. */
  projectModels: contract<ProjectExperimentsDto, Page<RegisteredModelView>>(
    rm('by-project'),
    ProjectExperimentsDto,
  ),
  deleteVersionTag: contract<ModelVersionTagKeyDto, Empty>(
    mv('tags.delete'),
    ModelVersionTagKeyDto,
  ),
} as const;
