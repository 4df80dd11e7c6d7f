import { contract } from '../contract.js';
import type { Page } from '../contract.js';
import {
  ProjectStudiesDto,
  RegisterStudyBestDto,
  StartStudyDto,
  StudyIdDto,
  TellStudyDto,
} from './studies.dto.js';
import type { AskedTrial, StudyAccepted, StudyView, TrialView } from './studies.views.js';

export const StudyContracts = {
  start: contract<StartStudyDto, StudyAccepted>('experiments.studies.start', StartStudyDto),
  get: contract<StudyIdDto, StudyView>('experiments.studies.get', StudyIdDto),
  list: contract<ProjectStudiesDto, Page<StudyView>>('experiments.studies.list', ProjectStudiesDto),
  ask: contract<StudyIdDto, AskedTrial>('experiments.studies.ask', StudyIdDto),
  tell: contract<TellStudyDto, TrialView>('experiments.studies.tell', TellStudyDto),
  cancel: contract<StudyIdDto, StudyView>('experiments.studies.cancel', StudyIdDto),
  register: contract<RegisterStudyBestDto, StudyView>(
    'experiments.studies.register',
    RegisterStudyBestDto,
  ),
} as const;
