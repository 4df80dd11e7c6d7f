import type { Distribution } from '../core/distributions.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';

export interface StudyRecord {
  readonly studyId: string;
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
}

/** Fields a new trial may start with (used for enqueued WAITING trials). */
export interface TrialTemplate {
  readonly state?: 'RUNNING' | 'WAITING';
  readonly systemAttrs?: Readonly<Record<string, AttrValue>>;
  readonly userAttrs?: Readonly<Record<string, AttrValue>>;
}

/**
 * Storage port, modelled on Optuna's BaseStorage. Every method is asynchronous so a remote store
 * (PostgreSQL in the experiments service) can implement it. Implementations must:
 * - assign trial numbers per study atomically, in creation order;
 * - make `setTrialStateValues` a compare-and-set: a WAITING trial can be claimed (set RUNNING) once,
 *   and a finished trial can never be updated (INVALID_STATE);
 * - return immutable FrozenTrial snapshots.
 */
export interface HpoStorage {
  createStudy(directions: readonly StudyDirection[], studyName?: string): Promise<StudyRecord>;
  /** Returns null when no study has that name. */
  findStudy(studyName: string): Promise<StudyRecord | null>;
  setStudyUserAttr(studyId: string, key: string, value: AttrValue): Promise<void>;
  getStudyUserAttrs(studyId: string): Promise<Readonly<Record<string, AttrValue>>>;
  createTrial(studyId: string, template?: TrialTemplate): Promise<FrozenTrial>;
  setTrialParam(trialId: string, name: string, internal: number, dist: Distribution): Promise<void>;
  /** Returns false when the transition lost a race (the WAITING trial was already claimed). */
  setTrialStateValues(
    trialId: string,
    state: TrialState,
    values?: readonly number[] | null,
  ): Promise<boolean>;
  setTrialIntermediateValue(trialId: string, step: number, value: number): Promise<void>;
  setTrialUserAttr(trialId: string, key: string, value: AttrValue): Promise<void>;
  setTrialSystemAttr(trialId: string, key: string, value: AttrValue): Promise<void>;
  getTrial(trialId: string): Promise<FrozenTrial>;
  getTrialIdFromNumber(studyId: string, trialNumber: number): Promise<string>;
  getAllTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
}
