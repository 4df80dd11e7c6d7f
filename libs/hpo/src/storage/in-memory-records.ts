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
  private readonly studies: StoredStudy[] = [];
  private readonly trialIndex: { studyId: number; number: number }[] = [];

  addStudy(directions: readonly StudyDirection[], studyName?: string): StudyRecord {
    const studyId = this.studies.length;
    const name = studyName ?? `no-name-${studyId}-${Date.now().toString(36)}`;
    if (this.findStudy(name) !== undefined) {
      throw new HpoError('INVALID_STATE', `Another study with name '${name}' already exists.`);
    }
    const record: StudyRecord = { studyId, studyName: name, directions: [...directions] };
    this.studies.push({ record, trials: [], userAttrs: {} });
    return record;
  }

  findStudy(studyName: string): StudyRecord | undefined {
    return this.studies.find((s) => s.record.studyName === studyName)?.record;
  }

  trialsOf(studyId: number): readonly FrozenTrial[] {
    return this.study(studyId).trials;
  }

  studyUserAttrs(studyId: number): Readonly<Record<string, AttrValue>> {
    return this.study(studyId).userAttrs;
  }

  setStudyUserAttr(studyId: number, key: string, value: AttrValue): void {
    const study = this.study(studyId);
    study.userAttrs = Object.freeze({ ...study.userAttrs, [key]: value });
  }

  private study(studyId: number): StoredStudy {
    const study = this.studies[studyId];
    if (study === undefined) throw new HpoError('NOT_FOUND', `No study with id ${studyId} exists.`);
    return study;
  }

  addTrial(studyId: number, template: TrialTemplate): FrozenTrial {
    const trials = this.trialsOf(studyId) as FrozenTrial[];
    const state = template.state ?? 'RUNNING';
    const trial: FrozenTrial = Object.freeze({
      trialId: this.trialIndex.length,
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
    this.trialIndex.push({ studyId, number: trial.number });
    trials.push(trial);
    return trial;
  }

  get(trialId: number): FrozenTrial {
    const at = this.trialIndex[trialId];
    if (at === undefined) throw new HpoError('NOT_FOUND', `No trial with id ${trialId} exists.`);
    return this.studies[at.studyId].trials[at.number];
  }

  /** Copy-on-write update; finished trials are immutable, as in Optuna. */
  update(trialId: number, change: (t: FrozenTrial) => Partial<FrozenTrial>): void {
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
