import { contract, type Page } from '../contract.js';
import {
  ForkDto,
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
} as const;
