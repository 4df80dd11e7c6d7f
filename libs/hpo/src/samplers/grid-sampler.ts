import type { CategoricalChoice, Distribution } from '../core/distributions.js';
import { toInternal } from '../core/distributions.js';
import { HpoError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { AttrValue, FrozenTrial } from '../core/trial-model.js';
import { isFinished } from '../core/trial-model.js';
import type { Sampler, SearchSpace, StudyView } from './sampler.js';

export type GridSearchSpace = Readonly<Record<string, readonly CategoricalChoice[]>>;

/**
 * Evaluates every point of a Cartesian grid once, in a seeded random order, and stops the study
 * (`optimize` returns) once no grid point is left unvisited, like Optuna's GridSampler.
 */
export class GridSampler implements Sampler {
  private readonly names: string[];
  private readonly grid: CategoricalChoice[][];
  private readonly spaceKey: string;
  private readonly rng: Rng;

  constructor(searchSpace: GridSearchSpace, options: { seed?: number } = {}) {
    this.names = Object.keys(searchSpace).sort();
    this.grid = cartesian(this.names.map((n) => [...searchSpace[n]]));
    this.spaceKey = JSON.stringify(this.names.map((n) => [n, searchSpace[n]]));
    this.rng = new Rng(options.seed);
  }

  /** Number of grid points. */
  get size(): number {
    return this.grid.length;
  }

  inferRelativeSearchSpace(): SearchSpace {
    return {};
  }

  sampleRelative(): Record<string, number> {
    return {};
  }

  beforeTrial(study: StudyView, trial: FrozenTrial): Record<string, AttrValue> | undefined {
    if ('grid_id' in trial.systemAttrs || 'fixed_params' in trial.systemAttrs) return undefined;
    let targets = this.unvisited(study);
    // With more workers than points left, a visited point is evaluated again and the study stops.
    if (targets.length === 0) targets = this.grid.map((_, i) => i);
    const gridId = targets[this.rng.int(0, targets.length - 1)];
    return { grid_id: gridId, search_space: this.spaceKey };
  }

  sampleIndependent(
    _study: StudyView,
    trial: FrozenTrial,
    name: string,
    dist: Distribution,
  ): number {
    const index = this.names.indexOf(name);
    if (index < 0) {
      throw new HpoError(
        'INVALID_VALUE',
        `The parameter name, ${name}, is not found in the given grid.`,
      );
    }
    const gridId = trial.systemAttrs['grid_id'];
    if (typeof gridId !== 'number') {
      throw new HpoError('INVALID_STATE', 'The trial was not assigned a grid point.');
    }
    return toInternal(dist, this.grid[gridId][index]);
  }

  afterTrial(study: StudyView): { stopStudy: boolean } {
    return { stopStudy: this.unvisited(study).length === 0 };
  }

  /** Grid ids neither finished nor running in a trial of this same grid. */
  private unvisited(study: StudyView): number[] {
    const taken = new Set<number>();
    for (const t of study.trials) {
      const id = t.systemAttrs['grid_id'];
      if (typeof id !== 'number' || t.systemAttrs['search_space'] !== this.spaceKey) continue;
      if (isFinished(t.state) || t.state === 'RUNNING') taken.add(id);
    }
    return this.grid.map((_, i) => i).filter((i) => !taken.has(i));
  }
}

function cartesian(axes: CategoricalChoice[][]): CategoricalChoice[][] {
  return axes.reduce<CategoricalChoice[][]>(
    (acc, axis) => acc.flatMap((prefix) => axis.map((v) => [...prefix, v])),
    [[]],
  );
}
