import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';
import type { Pruner, PrunerContext } from '../pruners/pruner.js';
import type { Sampler, StudyView } from '../samplers/sampler.js';
import type { HpoStorage } from '../storage/storage.js';

/** Shared state of one Study object: where it is stored and how it samples and prunes. */
export class StudyCore {
  private stopRequested = false;

  constructor(
    readonly storage: HpoStorage,
    readonly studyId: string,
    readonly studyName: string,
    readonly directions: readonly StudyDirection[],
    readonly sampler: Sampler,
    readonly pruner: Pruner,
  ) {}

  get stopped(): boolean {
    return this.stopRequested;
  }

  stop(): void {
    this.stopRequested = true;
  }

  resume(): void {
    this.stopRequested = false;
  }

  async view(): Promise<StudyView> {
    const trials = await this.storage.getAllTrials(this.studyId);
    return { studyName: this.studyName, directions: this.directions, trials };
  }

  prunerContext(): PrunerContext {
    return {
      studyName: this.studyName,
      directions: this.directions,
      getTrials: (states?: readonly TrialState[]) =>
        this.storage.getAllTrials(this.studyId, states),
      setTrialSystemAttr: (trialId: string, key: string, value: AttrValue) =>
        this.storage.setTrialSystemAttr(trialId, key, value),
    };
  }

  async trialByNumber(trialNumber: number): Promise<FrozenTrial> {
    const id = await this.storage.getTrialIdFromNumber(this.studyId, trialNumber);
    return this.storage.getTrial(id);
  }
}
