import { HpoError } from '../core/errors.js';
import type { Distribution } from '../core/distributions.js';
import { toExternal } from '../core/distributions.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';
import { isFinished } from '../core/trial-model.js';
import type { HpoStorage, StudyRecord, TrialTemplate } from './storage.js';

interface StoredStudy {
  readonly record: StudyRecord;
  readonly trials: FrozenTrial[];
}

/**
 * Process-local storage. Several workers (async loops, or several Study objects opened on the same
 * storage) can share a study; records are replaced on update so readers never see a half-written trial.
 */
export class InMemoryStorage implements HpoStorage {
  private readonly studies: StoredStudy[] = [];
  private readonly trialIndex: { studyId: number; number: number }[] = [];

  createStudy(directions: readonly StudyDirection[], studyName?: string): Promise<StudyRecord> {
    return settle(() => {
      const studyId = this.studies.length;
      const name = studyName ?? `no-name-${studyId}-${Date.now().toString(36)}`;
      if (this.studies.some((s) => s.record.studyName === name)) {
        throw new HpoError('INVALID_STATE', `Another study with name '${name}' already exists.`);
      }
      const record: StudyRecord = { studyId, studyName: name, directions: [...directions] };
      this.studies.push({ record, trials: [] });
      return record;
    });
  }

  findStudy(studyName: string): Promise<StudyRecord | null> {
    return settle(() => this.studies.find((s) => s.record.studyName === studyName)?.record ?? null);
  }

  createTrial(studyId: number, template: TrialTemplate = {}): Promise<FrozenTrial> {
    return settle(() => {
      const study = this.study(studyId);
      const state = template.state ?? 'RUNNING';
      const trial: FrozenTrial = Object.freeze({
        trialId: this.trialIndex.length,
        number: study.trials.length,
        state,
        values: null,
        params: {},
        internalParams: {},
        distributions: {},
        intermediateValues: new Map<number, number>(),
        userAttrs: { ...template.userAttrs },
        systemAttrs: { ...template.systemAttrs },
        datetimeStart: state === 'RUNNING' ? new Date() : null,
        datetimeComplete: null,
      });
      this.trialIndex.push({ studyId, number: trial.number });
      study.trials.push(trial);
      return trial;
    });
  }

  setTrialParam(
    trialId: number,
    name: string,
    internal: number,
    dist: Distribution,
  ): Promise<void> {
    return settle(() => {
      this.update(trialId, (t) => ({
        params: { ...t.params, [name]: toExternal(dist, internal) },
        internalParams: { ...t.internalParams, [name]: internal },
        distributions: { ...t.distributions, [name]: dist },
      }));
    });
  }

  setTrialStateValues(
    trialId: number,
    state: TrialState,
    values: readonly number[] | null = null,
  ): Promise<boolean> {
    return settle(() => {
      const current = this.get(trialId);
      if (state === 'RUNNING' && current.state !== 'WAITING') return false;
      this.update(trialId, () => ({
        state,
        values: values === null ? null : [...values],
        datetimeStart: state === 'RUNNING' ? new Date() : current.datetimeStart,
        datetimeComplete: isFinished(state) ? new Date() : null,
      }));
      return true;
    });
  }

  setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    return settle(() => {
      this.update(trialId, (t) => ({
        intermediateValues: new Map(t.intermediateValues).set(step, value),
      }));
    });
  }

  setTrialUserAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    return settle(() => {
      this.update(trialId, (t) => ({ userAttrs: { ...t.userAttrs, [key]: value } }));
    });
  }

  setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    return settle(() => {
      this.update(trialId, (t) => ({ systemAttrs: { ...t.systemAttrs, [key]: value } }));
    });
  }

  getTrial(trialId: number): Promise<FrozenTrial> {
    return settle(() => this.get(trialId));
  }

  getTrialIdFromNumber(studyId: number, trialNumber: number): Promise<number> {
    return settle(() => {
      const trial = this.study(studyId).trials[trialNumber];
      if (trial === undefined) {
        throw new HpoError('NOT_FOUND', `No trial with trial number ${trialNumber} exists.`);
      }
      return trial.trialId;
    });
  }

  getAllTrials(studyId: number, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    return settle(() => {
      const trials = this.study(studyId).trials;
      return states === undefined ? [...trials] : trials.filter((t) => states.includes(t.state));
    });
  }

  private study(studyId: number): StoredStudy {
    const study = this.studies[studyId];
    if (study === undefined) throw new HpoError('NOT_FOUND', `No study with id ${studyId} exists.`);
    return study;
  }

  private get(trialId: number): FrozenTrial {
    const at = this.trialIndex[trialId];
    if (at === undefined) throw new HpoError('NOT_FOUND', `No trial with id ${trialId} exists.`);
    return this.studies[at.studyId].trials[at.number];
  }

  /** Copy-on-write update; finished trials are immutable, as in Optuna. */
  private update(trialId: number, change: (t: FrozenTrial) => Partial<FrozenTrial>): void {
    const current = this.get(trialId);
    if (isFinished(current.state)) {
      throw new HpoError(
        'INVALID_STATE',
        `Trial#${current.number} has already finished and can not be updated.`,
      );
    }
    const at = this.trialIndex[trialId];
    this.studies[at.studyId].trials[at.number] = Object.freeze({ ...current, ...change(current) });
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
