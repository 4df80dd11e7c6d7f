import { HpoError } from '../core/errors.js';
import type { StudyDirection } from '../core/trial-model.js';
import type { Pruner } from '../pruners/pruner.js';
import { NopPruner } from '../pruners/pruner.js';
import type { Sampler } from '../samplers/sampler.js';
import { TpeSampler } from '../samplers/tpe/tpe-sampler.js';
import { InMemoryStorage } from '../storage/in-memory-storage.js';
import type { HpoStorage } from '../storage/storage.js';
import { Study } from './study.js';
import { StudyCore } from './study-core.js';

export interface CreateStudyOptions {
  readonly studyName?: string;
  /** Shorthand for a single objective; defaults to 'minimize'. */
  readonly direction?: StudyDirection;
  readonly directions?: readonly StudyDirection[];
  /** Defaults to a TPE sampler, like Optuna. */
  readonly sampler?: Sampler;
  /** Defaults to no pruning. */
  readonly pruner?: Pruner;
  /** Defaults to a fresh in-memory storage. */
  readonly storage?: HpoStorage;
  /** Open the existing study of that name instead of failing. */
  readonly loadIfExists?: boolean;
}

/** Creates (or, with `loadIfExists`, opens) a study. */
export async function createStudy(options: CreateStudyOptions = {}): Promise<Study> {
  if (options.direction !== undefined && options.directions !== undefined) {
    throw new HpoError('INVALID_VALUE', 'Specify only one of `direction` and `directions`.');
  }
  const directions = options.directions ?? [options.direction ?? 'minimize'];
  if (directions.length === 0) {
    throw new HpoError('INVALID_VALUE', 'The number of objectives must be greater than 0.');
  }
  const storage = options.storage ?? new InMemoryStorage();
  const existing =
    options.studyName === undefined ? null : await storage.findStudy(options.studyName);
  if (existing !== null && options.loadIfExists !== true) {
    throw new HpoError(
      'INVALID_STATE',
      `Another study with name '${existing.studyName}' already exists.`,
    );
  }
  const record = existing ?? (await storage.createStudy(directions, options.studyName));
  const core = new StudyCore(
    storage,
    record.studyId,
    record.studyName,
    record.directions,
    options.sampler ?? new TpeSampler(),
    options.pruner ?? new NopPruner(),
  );
  return new Study(core);
}

/** Opens an existing study, e.g. from a second worker sharing the storage. */
export async function loadStudy(options: {
  readonly studyName: string;
  readonly storage: HpoStorage;
  readonly sampler?: Sampler;
  readonly pruner?: Pruner;
}): Promise<Study> {
  const record = await options.storage.findStudy(options.studyName);
  if (record === null) {
    throw new HpoError('NOT_FOUND', `Record does not exist. (study_name=${options.studyName})`);
  }
  return createStudy({ ...options, loadIfExists: true, directions: record.directions });
}
