import type { DenseMatrix } from '../data/dense-matrix.js';
import { packFloats, packInts, unpackFloats, unpackInts } from '../persistence/compact-arrays.js';
import { expectNumber, expectObject } from '../util/codec.js';
import type { Json } from '../util/estimator.js';

/**
 * A fitted binary tree in flat typed arrays. Node i is a leaf when left[i] < 0; otherwise rows with
 * x[feature[i]] <= threshold[i] go left, NaN goes left when missingLeft[i] = 1.
 * value holds nOutputs numbers per node (mean, class fractions or a boosting leaf value).
 */
export class TreeArrays {
  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly missingLeft: Int32Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly value: Float64Array,
    readonly nSamples: Float64Array,
    readonly nOutputs: number,
  ) {}

  get nodeCount(): number {
    return this.feature.length;
  }

  /** Leaf reached by row i of X. */
  leafOf(X: DenseMatrix, i: number): number {
    const n = X.nRows;
    const d = X.data;
    let node = 0;
    while (this.left[node] >= 0) {
      const x = d[this.feature[node] * n + i];
      const goLeft = x !== x ? this.missingLeft[node] === 1 : x <= this.threshold[node];
      node = goLeft ? this.left[node] : this.right[node];
    }
    return node;
  }

  /** Adds scale × leaf value to out (column-major, nOutputs blocks of X.nRows). */
  addPredictions(X: DenseMatrix, out: Float64Array, scale = 1): void {
    const n = X.nRows;
    const k = this.nOutputs;
    const d = X.data;
    const { feature, threshold, missingLeft, left, right, value } = this;
    for (let i = 0; i < n; i++) {
      let node = 0;
      while (left[node] >= 0) {
        const x = d[feature[node] * n + i];
        node = (x !== x ? missingLeft[node] === 1 : x <= threshold[node])
          ? left[node]
          : right[node];
      }
      for (let c = 0; c < k; c++) out[c * n + i] += scale * value[node * k + c];
    }
  }

  /** Compact state (model format 2): see persistence/compact-arrays; right as right - left. */
  toJSON(): Json {
    const rightFromLeft = new Int32Array(this.right.length);
    let delta = true;
    for (let i = 0; i < rightFromLeft.length; i++) {
      const d = this.right[i] - this.left[i];
      rightFromLeft[i] = d;
      if ((d | 0) !== d) delta = false;
    }
    return {
      nOutputs: this.nOutputs,
      feature: packInts(this.feature),
      threshold: packFloats(this.threshold),
      missingLeft: packInts(this.missingLeft),
      left: packInts(this.left),
      ...(delta ? { rightFromLeft: packInts(rightFromLeft) } : { right: packInts(this.right) }),
      value: packFloats(this.value),
      nSamples: packFloats(this.nSamples),
    };
  }

  /** Reads the compact state and version 1's (every array as base64 of its own type's bytes). */
  static fromJSON(json: Json): TreeArrays {
    const o = expectObject(json);
    const left = unpackInts(o.left);
    const right = unpackInts(o.rightFromLeft ?? o.right);
    if (o.rightFromLeft !== undefined) {
      for (let i = 0; i < Math.min(right.length, left.length); i++) right[i] += left[i];
    }
    const t = new TreeArrays(
      unpackInts(o.feature),
      unpackFloats(o.threshold),
      unpackInts(o.missingLeft),
      left,
      right,
      unpackFloats(o.value),
      unpackFloats(o.nSamples),
      expectNumber(o.nOutputs),
    );
    const m = t.feature.length;
    const sizes = [t.threshold, t.missingLeft, t.left, t.right, t.nSamples].map((a) => a.length);
    if (sizes.some((s) => s !== m) || t.value.length !== m * t.nOutputs) {
      throw new Error('corrupt model: tree arrays have inconsistent lengths');
    }
    return t;
  }
}

/** Growable node storage used while a tree is being built. */
export class TreeBuilder {
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly missingLeft: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly value: number[] = [];
  private readonly nSamples: number[] = [];

  constructor(readonly nOutputs: number) {}

  addNode(value: ArrayLike<number>, nSamples: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.missingLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.nSamples.push(nSamples);
    for (let c = 0; c < this.nOutputs; c++) this.value.push(value[c]);
    return this.feature.length - 1;
  }

  setSplit(
    node: number,
    feature: number,
    threshold: number,
    missingLeft: boolean,
    l: number,
    r: number,
  ): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.missingLeft[node] = missingLeft ? 1 : 0;
    this.left[node] = l;
    this.right[node] = r;
  }

  setValue(node: number, c: number, v: number): void {
    this.value[node * this.nOutputs + c] = v;
  }

  build(): TreeArrays {
    return new TreeArrays(
      Int32Array.from(this.feature),
      Float64Array.from(this.threshold),
      Int32Array.from(this.missingLeft),
      Int32Array.from(this.left),
      Int32Array.from(this.right),
      Float64Array.from(this.value),
      Float64Array.from(this.nSamples),
      this.nOutputs,
    );
  }
}
