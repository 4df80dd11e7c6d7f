import type { HistSplit } from './split-finder.js';

/** Shared-memory command block between the boosting grower and one histogram worker. */
export const OP_BUILD = 1;
export const OP_SUBTRACT = 2;
export const OP_RELEASE_ALL = 3;
export const OP_EXIT = 4;

/** control[]: sequence number, op, slot, start or child slot, end, n, done sequence, error flag. */
export const C_SEQ = 0;
export const C_OP = 1;
export const C_SLOT = 2;
export const C_ARG = 3;
export const C_END = 4;
export const C_N = 5;
export const C_DONE = 6;
export const C_ERROR = 7;

export interface Channel {
  readonly control: Int32Array;
  /** G and H of the node. */
  readonly params: Float64Array;
  /** found, gain, feature, bin, missingLeft, gL, hL, nL. */
  readonly result: Float64Array;
}

export function newChannel(): Channel {
  return {
    control: new Int32Array(new SharedArrayBuffer(8 * 4)),
    params: new Float64Array(new SharedArrayBuffer(2 * 8)),
    result: new Float64Array(new SharedArrayBuffer(8 * 8)),
  };
}

export function writeResult(r: Float64Array, s: HistSplit | null): void {
  r[0] = s ? 1 : 0;
  if (!s) return;
  r[1] = s.gain;
  r[2] = s.feature;
  r[3] = s.bin;
  r[4] = s.missingLeft ? 1 : 0;
  r[5] = s.gL;
  r[6] = s.hL;
  r[7] = s.nL;
}

export function readResult(r: Float64Array): HistSplit | null {
  if (r[0] !== 1) return null;
  return {
    gain: r[1],
    feature: r[2],
    bin: r[3],
    missingLeft: r[4] === 1,
    gL: r[5],
    hL: r[6],
    nL: r[7],
  };
}
