import type { TrainEvent } from './train-types.js';

/** Share of a training's progress: reading data up to 10 %, folds to 70 %, final fit to 85 %. */
const FOLDS_START = 0.1;
const FOLDS_END = 0.7;
const FINAL_END = 0.85;

/**
 * Progress of a training for its job: fold k of n covers its share of 10-70 %, the final fit
 * 70-85 % (holdout: 10-70 %, it is the only fit); trees grown within a fit move the fraction
 * through that fit's share.
 */
export function progressOf(event: TrainEvent): { fraction: number; message: string } {
  if (event.type === 'phase') return { fraction: event.fraction, message: event.phase };
  const span = (FOLDS_END - FOLDS_START) / event.folds;
  if (event.type === 'fold') {
    return {
      fraction: FOLDS_START + span * event.fold,
      message: `fold ${event.fold} of ${event.folds}`,
    };
  }
  const share = event.total > 0 ? Math.min(1, event.done / event.total) : 1;
  const trees = `tree ${event.done} of ${event.total}`;
  if (event.fold === null) {
    const [from, to] = event.folds === 0 ? [FOLDS_START, FOLDS_END] : [FOLDS_END, FINAL_END];
    return { fraction: from + (to - from) * share, message: `final model, ${trees}` };
  }
  return {
    fraction: FOLDS_START + span * (event.fold - 1 + share),
    message: `fold ${event.fold} of ${event.folds}, ${trees}`,
  };
}

export interface ThrottleSettings {
  /** Least time between two tree events passed on (ms). */
  minMs: number;
  /** Least share of a fit's trees between two tree events passed on. */
  minShare: number;
}

/**
 * Thins tree events so that large ensembles do not flood the job's progress updates: a tree event
 * passes only when both `minMs` have gone by since the last event passed on (of any kind) and the
 * fit has grown at least `minShare` of its trees since its last tree event passed on. Other events
 * always pass; a fit that ends within `minMs` reports no trees at all.
 */
export class ProgressThrottle {
  private lastAt: number;
  private fit: number | null | undefined = undefined;
  private lastDone = 0;

  constructor(
    now: number,
    private readonly settings: ThrottleSettings = { minMs: 250, minShare: 0.02 },
  ) {
    this.lastAt = now;
  }

  pass(event: TrainEvent, now: number): boolean {
    if (event.type !== 'trees') {
      this.lastAt = now;
      return true;
    }
    if (event.fold !== this.fit) {
      this.fit = event.fold;
      this.lastDone = 0;
    }
    const { minMs, minShare } = this.settings;
    if (now - this.lastAt < minMs) return false;
    if (event.done - this.lastDone < minShare * event.total) return false;
    this.lastAt = now;
    this.lastDone = event.done;
    return true;
  }
}
