import { FeatureShard, type ShardData } from './feature-shard.js';
import type { HistSplit, SplitRules } from './split-finder.js';

/** Histogram work of the boosting grower: build or derive a node's histograms and find its split. */
export interface HistogramEngine {
  readonly data: ShardData;
  /** Builds the histogram of rows[start, end) into slot and returns its best split. */
  build(slot: number, start: number, end: number, G: number, H: number): HistSplit | null;
  /** Replaces the parent's histogram by parent - child and returns the best split of the result. */
  subtract(parent: number, child: number, G: number, H: number, n: number): HistSplit | null;
  release(slot: number): void;
  releaseAll(): void;
  close(): void;
}

/** All features in the calling thread. */
export class LocalEngine implements HistogramEngine {
  private readonly shard: FeatureShard;

  constructor(
    readonly data: ShardData,
    rules: SplitRules,
  ) {
    this.shard = new FeatureShard(data, rules, [0, data.nFeatures]);
  }

  build(slot: number, start: number, end: number, G: number, H: number): HistSplit | null {
    this.shard.build(slot, start, end);
    return this.shard.find(slot, G, H, end - start);
  }

  subtract(parent: number, child: number, G: number, H: number, n: number): HistSplit | null {
    this.shard.subtract(parent, child);
    return this.shard.find(parent, G, H, n);
  }

  release(slot: number): void {
    this.shard.release(slot);
  }

  releaseAll(): void {
    this.shard.releaseAll();
  }

  close(): void {
    this.shard.releaseAll();
  }
}
