import type { Distribution } from '../core/distributions.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';

export interface StudyRecord {
  readonly studyId: number;
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
  setStudyUserAttr(studyId: number, key: string, value: AttrValue): Promise<void>;
  getStudyUserAttrs(studyId: number): Promise<Readonly<Record<string, AttrValue>>>;
  createTrial(studyId: number, template?: TrialTemplate): Promise<FrozenTrial>;
  setTrialParam(trialId: number, name: string, internal: number, dist: Distribution): Promise<void>;
  /** Returns false when the transition lost a race (the WAITING trial was already claimed). */
  setTrialStateValues(
    trialId: number,
    state: TrialState,
    values?: readonly number[] | null,
  ): Promise<boolean>;
  setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void>;
  setTrialUserAttr(trialId: number, key: string, value: AttrValue): Promise<void>;
  setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void>;
  getTrial(trialId: number): Promise<FrozenTrial>;
  getTrialIdFromNumber(studyId: number, trialNumber: number): Promise<number>;
  getAllTrials(studyId: number, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
}
