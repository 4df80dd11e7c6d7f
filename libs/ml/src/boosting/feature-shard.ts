import {
  buildHistogram,
  FEATURE_STRIDE,
  subtractHistogram,
  type GradientData,
} from './histogram.js';
import { bestSplit, type HistSplit, type SplitRules } from './split-finder.js';

/** Gradient data plus the row order shared by every shard of one fit. */
export interface ShardData extends GradientData {
  readonly rows: Uint32Array;
}

/**
 * Histograms of one contiguous range of features, kept in numbered slots. The boosting grower talks
 * to one shard (single thread) or to several, one per worker thread.
 */
export class FeatureShard {
  private readonly slots = new Map<number, Float64Array>();
  private readonly free: Float64Array[] = [];
  private readonly scratch: { g: Float64Array; h: Float64Array };

  constructor(
    private readonly d: ShardData,
    private readonly rules: SplitRules,
    readonly features: readonly [number, number],
  ) {
    this.scratch = { g: new Float64Array(d.nRows), h: new Float64Array(d.nRows) };
  }

  /** Builds the histogram of rows[start, end) into `slot`. */
  build(slot: number, start: number, end: number): void {
    const hist = this.free.pop() ?? new Float64Array(this.d.nFeatures * FEATURE_STRIDE);
    hist.fill(0, this.features[0] * FEATURE_STRIDE, this.features[1] * FEATURE_STRIDE);
    buildHistogram(this.d, this.d.rows, start, end, hist, this.scratch, this.features);
    this.slots.set(slot, hist);
  }

  /** parent -= child: the parent's slot now holds the larger sibling. */
  subtract(parent: number, child: number): void {
    subtractHistogram(this.get(parent), this.get(child), this.features);
  }

  release(slot: number): void {
    const h = this.slots.get(slot);
    if (h) {
      this.slots.delete(slot);
      this.free.push(h);
    }
  }

  releaseAll(): void {
    for (const slot of [...this.slots.keys()]) this.release(slot);
  }

  find(slot: number, G: number, H: number, n: number): HistSplit | null {
    return bestSplit(this.get(slot), G, H, n, this.rules, this.d.hessians === null, this.features);
  }

  private get(slot: number): Float64Array {
    const h = this.slots.get(slot);
    if (!h) throw new Error(`histogram slot ${slot} is empty`);
    return h;
  }
}
