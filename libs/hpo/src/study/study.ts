import type { Distribution, ParamValue } from '../core/distributions.js';
import { HpoError } from '../core/errors.js';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../core/trial-model.js';
import { paretoFront } from '../analysis/pareto.js';
import { askTrial } from './ask.js';
import type { Objective, OptimizeOptions } from './optimize.js';
import { runOptimize } from './optimize.js';
import type { StudyCore } from './study-core.js';
import type { TellOptions, TellOutcome } from './tell.js';
import { tellTrial } from './tell.js';
import type { Trial } from './trial.js';

/** An optimisation study (Optuna's `Study`); several Study objects may share one stored study. */
export class Study {
  constructor(private readonly core: StudyCore) {}

  get studyName(): string {
    return this.core.studyName;
  }

  get directions(): readonly StudyDirection[] {
    return this.core.directions;
  }

  get stopped(): boolean {
    return this.core.stopped;
  }

  /** Makes `optimize` stop starting trials (running ones finish). */
  stop(): void {
    this.core.stop();
  }

  resume(): void {
    this.core.resume();
  }

  ask(fixedDistributions?: Readonly<Record<string, Distribution>>): Promise<Trial> {
    return askTrial(this.core, fixedDistributions);
  }

  tell(trial: number | Trial, outcome: TellOutcome, options?: TellOptions): Promise<FrozenTrial> {
    const trialNumber = typeof trial === 'number' ? trial : trial.number;
    return tellTrial(this.core, trialNumber, outcome, options);
  }

  optimize(objective: Objective, options: OptimizeOptions = {}): Promise<void> {
    return runOptimize(this, objective, options);
  }

  /** Queues a trial whose listed parameters are fixed; the next `ask` picks it up. */
  async enqueueTrial(
    params: Readonly<Record<string, ParamValue>>,
    userAttrs: Readonly<Record<string, AttrValue>> = {},
  ): Promise<void> {
    await this.core.storage.createTrial(this.core.studyId, {
      state: 'WAITING',
      systemAttrs: { fixed_params: { ...params } },
      userAttrs,
    });
  }

  setUserAttr(key: string, value: AttrValue): Promise<void> {
    return this.core.storage.setStudyUserAttr(this.core.studyId, key, value);
  }

  get userAttrs(): Promise<Readonly<Record<string, AttrValue>>> {
    return this.core.storage.getStudyUserAttrs(this.core.studyId);
  }

  getTrials(states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    return this.core.storage.getAllTrials(this.core.studyId, states);
  }

  /** Best COMPLETE trial of a single-objective study. */
  get bestTrial(): Promise<FrozenTrial> {
    return this.findBestTrial();
  }

  get bestValue(): Promise<number> {
    return this.findBestTrial().then((t) => (t.values ?? [NaN])[0]);
  }

  get bestParams(): Promise<Readonly<Record<string, ParamValue>>> {
    return this.findBestTrial().then((t) => t.params);
  }

  /** Pareto-optimal COMPLETE trials (works for one objective too). */
  get bestTrials(): Promise<FrozenTrial[]> {
    return this.getTrials(['COMPLETE']).then((trials) => paretoFront(trials, this.directions));
  }

  private async findBestTrial(): Promise<FrozenTrial> {
    if (this.directions.length > 1) {
      throw new HpoError(
        'MULTI_OBJECTIVE',
        'A single best trial cannot be retrieved from a multi-objective study. Consider using Study.best_trials to retrieve a list containing the best trials.',
      );
    }
    const sign = this.directions[0] === 'maximize' ? -1 : 1;
    let best: FrozenTrial | undefined;
    for (const t of await this.getTrials(['COMPLETE'])) {
      if (t.values === null) continue;
      if (best === undefined || sign * t.values[0] < sign * (best.values ?? [])[0]) best = t;
    }
    if (best === undefined)
      throw new HpoError('NO_COMPLETED_TRIALS', 'No trials are completed yet.');
    return best;
  }
}
