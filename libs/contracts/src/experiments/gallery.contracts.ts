import { contract, type Page } from '../contract.js';
import type { TrainingAccepted } from './training.views.js';
import {
  DraftIdDto,
  ForkDto,
  ProjectDraftsDto,
  RunDraftDto,
  type DraftView,
  GallerySearchDto,
  PublishTrainingDto,
  type ForkView,
  type GalleryEntryView,
} from './gallery.dto.js';

export const GalleryContracts = {
  publish: contract<PublishTrainingDto, GalleryEntryView>(
    'experiments.gallery.publish',
    PublishTrainingDto,
  ),
  search: contract<GallerySearchDto, Page<GalleryEntryView>>(
    'experiments.gallery.search',
    GallerySearchDto,
  ),
  fork: contract<ForkDto, ForkView>('experiments.gallery.fork', ForkDto),
  listDrafts: contract<ProjectDraftsDto, DraftView[]>('experiments.drafts.list', ProjectDraftsDto),
  getDraft: contract<DraftIdDto, DraftView>('experiments.drafts.get', DraftIdDto),
  deleteDraft: contract<DraftIdDto, { deleted: true }>('experiments.drafts.delete', DraftIdDto),
  runDraft: contract<RunDraftDto, TrainingAccepted>('experiments.drafts.run', RunDraftDto),
} as const;
