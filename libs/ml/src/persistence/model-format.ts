import type { ColumnInfo } from '../data/dense-matrix.js';
import type { Estimator, Json, ModelState } from '../util/estimator.js';
import { loadEstimator } from './registry.js';

/**
 * Version of the JSON model format written by `saveModel`. 2: tree node arrays in the compact
 * encoding of compact-arrays.ts (about half the size); 1 (every array as base64 of its bytes) is
 * still read.
 */
export const MODEL_FORMAT_VERSION = 2;
const OLDEST_READ_VERSION = 1;
const FORMAT = 'hydroml-model';

export interface ModelMetadata {
  /** Names and types of the input columns, in order. */
  readonly features?: readonly ColumnInfo[];
  /** Free-form training facts: rows, metrics, timestamps, library version... */
  readonly training?: { readonly [key: string]: Json };
}

export interface ModelDocument {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly model: ModelState;
  readonly features: Json;
  readonly training: Json;
}

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

/** Serialises a fitted model or pipeline with its metadata as versioned JSON. */
export function saveModel(model: Estimator, meta: ModelMetadata = {}): string {
  const doc: ModelDocument = {
    format: FORMAT,
    version: MODEL_FORMAT_VERSION,
    model: model.toState(),
    features: (meta.features ?? []).map((f) => ({
      ...f,
      categories: f.categories ? [...f.categories] : null,
    })),
    training: meta.training ?? {},
  };
  return JSON.stringify(doc);
}

/**
 * Restores a model saved by `saveModel`; predictions are bit-for-bit those of the saved model.
 * Throws ModelFormatError on an unknown version or a corrupt document.
 */
export function loadModel(json: string): { model: Estimator; features: Json; training: Json } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    throw new ModelFormatError(`corrupt model file: not JSON (${(err as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || (doc as { format?: unknown }).format !== FORMAT) {
    throw new ModelFormatError('corrupt model file: not a HydroML model document');
  }
  const d = doc as Partial<ModelDocument>;
  if (
    typeof d.version !== 'number' ||
    !Number.isInteger(d.version) ||
    d.version < OLDEST_READ_VERSION ||
    d.version > MODEL_FORMAT_VERSION
  ) {
    throw new ModelFormatError(
      `unsupported model format version ${String(d.version)} (this library reads ${OLDEST_READ_VERSION} to ${MODEL_FORMAT_VERSION})`,
    );
  }
  if (typeof d.model !== 'object' || d.model === null || typeof d.model.kind !== 'string') {
    throw new ModelFormatError('corrupt model file: missing model state');
  }
  try {
    return {
      model: loadEstimator(d.model),
      features: d.features ?? [],
      training: d.training ?? {},
    };
  } catch (err) {
    throw new ModelFormatError(`corrupt model file: ${(err as Error).message}`);
  }
}
