import type { Distribution } from '../core/distributions.js';
import { Rng } from '../core/rng.js';
import type { Sampler, SearchSpace } from './sampler.js';

/** Draws one internal value uniformly (log-uniformly for log distributions) from `dist`. */
export function sampleUniform(rng: Rng, dist: Distribution): number {
  switch (dist.kind) {
    case 'categorical':
      return rng.int(0, dist.choices.length - 1);
    case 'int': {
      if (dist.log) {
        const v = Math.exp(rng.uniform(Math.log(dist.low - 0.5), Math.log(dist.high + 0.5)));
        return Math.min(dist.high, Math.max(dist.low, Math.round(v)));
      }
      return dist.low + rng.int(0, Math.round((dist.high - dist.low) / dist.step)) * dist.step;
    }
    case 'float': {
      if (dist.log) {
        return Math.min(dist.high, Math.exp(rng.uniform(Math.log(dist.low), Math.log(dist.high))));
      }
      if (dist.step !== null) {
        const k = rng.int(0, Math.round((dist.high - dist.low) / dist.step));
        return Math.min(dist.high, dist.low + k * dist.step);
      }
      return rng.uniform(dist.low, dist.high);
    }
  }
}

/** Independent uniform sampling, reproducible from `seed`. */
export class RandomSampler implements Sampler {
  private readonly rng: Rng;

  constructor(options: { seed?: number } = {}) {
    this.rng = new Rng(options.seed);
  }

  inferRelativeSearchSpace(): SearchSpace {
    return {};
  }

  sampleRelative(): Record<string, number> {
    return {};
  }

  sampleIndependent(_study: unknown, _trial: unknown, _name: string, dist: Distribution): number {
    return sampleUniform(this.rng, dist);
  }
}
