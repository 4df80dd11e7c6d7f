import { HpoError } from '../core/errors.js';
import type { Distribution } from '../core/distributions.js';
import { toExternal } from '../core/distributions.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';
import { isFinished } from '../core/trial-model.js';
import { InMemoryRecords } from './in-memory-records.js';
import type { HpoStorage, StudyRecord, TrialTemplate } from './storage.js';

/**
 * Process-local storage. Several workers (async loops, or several Study objects opened on the same
 * storage) can share a study; records are replaced on update so readers never see a half-written trial.
 */
export class InMemoryStorage implements HpoStorage {
  private readonly records = new InMemoryRecords();

  createStudy(directions: readonly StudyDirection[], studyName?: string): Promise<StudyRecord> {
    return settle(() => this.records.addStudy(directions, studyName));
  }

  findStudy(studyName: string): Promise<StudyRecord | null> {
    return settle(() => this.records.findStudy(studyName) ?? null);
  }

  setStudyUserAttr(studyId: string, key: string, value: AttrValue): Promise<void> {
    return settle(() => this.records.setStudyUserAttr(studyId, key, value));
  }

  getStudyUserAttrs(studyId: string): Promise<Readonly<Record<string, AttrValue>>> {
    return settle(() => this.records.studyUserAttrs(studyId));
  }

  createTrial(studyId: string, template: TrialTemplate = {}): Promise<FrozenTrial> {
    return settle(() => this.records.addTrial(studyId, template));
  }

  setTrialParam(
    trialId: string,
    name: string,
    internal: number,
    dist: Distribution,
  ): Promise<void> {
    return settle(() =>
      this.records.update(trialId, (t) => ({
        params: { ...t.params, [name]: toExternal(dist, internal) },
        internalParams: { ...t.internalParams, [name]: internal },
        distributions: { ...t.distributions, [name]: dist },
      })),
    );
  }

  setTrialStateValues(
    trialId: string,
    state: TrialState,
    values: readonly number[] | null = null,
  ): Promise<boolean> {
    return settle(() => {
      const current = this.records.get(trialId);
      if (state === 'RUNNING' && current.state !== 'WAITING') return false;
      this.records.update(trialId, () => ({
        state,
        values: values === null ? null : [...values],
        datetimeStart: state === 'RUNNING' ? new Date() : current.datetimeStart,
        datetimeComplete: isFinished(state) ? new Date() : null,
      }));
      return true;
    });
  }

  setTrialIntermediateValue(trialId: string, step: number, value: number): Promise<void> {
    return settle(() =>
      this.records.update(trialId, (t) => ({
        intermediateValues: new Map(t.intermediateValues).set(step, value),
      })),
    );
  }

  setTrialUserAttr(trialId: string, key: string, value: AttrValue): Promise<void> {
    return settle(() =>
      this.records.update(trialId, (t) => ({ userAttrs: { ...t.userAttrs, [key]: value } })),
    );
  }

  setTrialSystemAttr(trialId: string, key: string, value: AttrValue): Promise<void> {
    return settle(() =>
      this.records.update(trialId, (t) => ({ systemAttrs: { ...t.systemAttrs, [key]: value } })),
    );
  }

  getTrial(trialId: string): Promise<FrozenTrial> {
    return settle(() => this.records.get(trialId));
  }

  getTrialIdFromNumber(studyId: string, trialNumber: number): Promise<string> {
    return settle(() => {
      const trial = this.records.trialsOf(studyId)[trialNumber];
      if (trial === undefined) {
        throw new HpoError('NOT_FOUND', `No trial with trial number ${trialNumber} exists.`);
      }
      return trial.trialId;
    });
  }

  getAllTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    return settle(() => {
      const trials = this.records.trialsOf(studyId);
      return states === undefined ? [...trials] : trials.filter((t) => states.includes(t.state));
    });
  }
}

/** Runs synchronous work as a promise so a throw becomes a rejection, like a remote store's. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
