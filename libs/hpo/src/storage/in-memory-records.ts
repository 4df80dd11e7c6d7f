import { randomUUID } from 'node:crypto';
import { HpoError } from '../core/errors.js';
import type { AttrValue, FrozenTrial, StudyDirection } from '../core/trial-model.js';
import { isFinished } from '../core/trial-model.js';
import type { StudyRecord, TrialTemplate } from './storage.js';

interface StoredStudy {
  readonly record: StudyRecord;
  readonly trials: FrozenTrial[];
  userAttrs: Readonly<Record<string, AttrValue>>;
}

/** The tables behind InMemoryStorage: studies, their trials by number, and a trial-id index. */
export class InMemoryRecords {
  private readonly studies = new Map<string, StoredStudy>();
  private readonly trialIndex = new Map<string, { study: StoredStudy; number: number }>();

  addStudy(directions: readonly StudyDirection[], studyName?: string): StudyRecord {
    const studyId = randomUUID();
    const name = studyName ?? `no-name-${studyId}`;
    if (this.findStudy(name) !== undefined) {
      throw new HpoError('INVALID_STATE', `Another study with name '${name}' already exists.`);
    }
    const record: StudyRecord = { studyId, studyName: name, directions: [...directions] };
    this.studies.set(studyId, { record, trials: [], userAttrs: {} });
    return record;
  }

  findStudy(studyName: string): StudyRecord | undefined {
    return [...this.studies.values()].find((s) => s.record.studyName === studyName)?.record;
  }

  trialsOf(studyId: string): readonly FrozenTrial[] {
    return this.study(studyId).trials;
  }

  studyUserAttrs(studyId: string): Readonly<Record<string, AttrValue>> {
    return this.study(studyId).userAttrs;
  }

  setStudyUserAttr(studyId: string, key: string, value: AttrValue): void {
    const study = this.study(studyId);
    study.userAttrs = Object.freeze({ ...study.userAttrs, [key]: value });
  }

  private study(studyId: string): StoredStudy {
    const study = this.studies.get(studyId);
    if (study === undefined) throw new HpoError('NOT_FOUND', `No study with id ${studyId} exists.`);
    return study;
  }

  addTrial(studyId: string, template: TrialTemplate): FrozenTrial {
    const study = this.study(studyId);
    const trials = study.trials;
    const state = template.state ?? 'RUNNING';
    const trial: FrozenTrial = Object.freeze({
      trialId: randomUUID(),
      number: trials.length,
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
    this.trialIndex.set(trial.trialId, { study, number: trial.number });
    trials.push(trial);
    return trial;
  }

  get(trialId: string): FrozenTrial {
    const at = this.trialIndex.get(trialId);
    if (at === undefined) throw new HpoError('NOT_FOUND', `No trial with id ${trialId} exists.`);
    return at.study.trials[at.number];
  }

  /** Copy-on-write update; finished trials are immutable, as in Optuna. */
  update(trialId: string, change: (t: FrozenTrial) => Partial<FrozenTrial>): void {
    const current = this.get(trialId);
    if (isFinished(current.state)) {
      throw new HpoError(
        'INVALID_STATE',
        `Trial#${current.number} has already finished and can not be updated.`,
      );
    }
    const at = this.trialIndex.get(trialId);
    if (at !== undefined)
      at.study.trials[at.number] = Object.freeze({ ...current, ...change(current) });
  }
}
