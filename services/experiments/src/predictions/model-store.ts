import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type CallContext } from '@hydroml/contracts';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { ModelVersionsService } from '../registry/model-versions.service.js';
import { RegisteredModelsService } from '../registry/registered-models.service.js';
import type { StoredRecipe } from '../training/tracking/outcome-logger.js';
import { artifactKey } from '../training/tracking/run-recorder.js';
import { parseModel, type LoadedModel } from './loaded-model.js';

const CACHE_SIZE = 20;

async function text(blobs: BlobStore, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** `cache[key]`, produced on a miss; the oldest entry goes when CACHE_SIZE are held. */
async function remembered<T>(cache: Map<string, T>, key: string, produce: () => Promise<T>) {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = await produce();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

export interface ModelVersionFiles {
  projectId: string;
  runId: string;
  modelKey: string;
}

/** Model files of registered model versions (a training run's `model/model.json`), cached. */
@Injectable()
export class ModelStore {
  private readonly cache = new Map<string, LoadedModel>();
  private readonly recipes = new Map<string, StoredRecipe>();

  constructor(
    private readonly models: RegisteredModelsService,
    private readonly versions: ModelVersionsService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async locate(call: CallContext, name: string, version: string): Promise<ModelVersionFiles> {
    const model = await this.models.resolve(call, name, 'read');
    const view = await this.versions.get(call, name, version);
    const notHere = `model version ${name}/${version} has no HydroML model file`;
    if (!view.run_id) throw new DomainError('failed_precondition', notHere);
    const modelKey = artifactKey(view.run_id, 'model/model.json');
    if (!(await this.blobs.stat(modelKey))) throw new DomainError('failed_precondition', notHere);
    return { projectId: model.project_id, runId: view.run_id, modelKey };
  }

  load(key: string): Promise<LoadedModel> {
    return remembered(this.cache, key, async () => parseModel(await text(this.blobs, key)));
  }

  /** The run's fitted recipe (no steps when the run stored none); a run's never changes. */
  recipe(runId: string): Promise<StoredRecipe> {
    return remembered(this.recipes, runId, async () => {
      const key = artifactKey(runId, 'model/recipe.json');
      if (!(await this.blobs.stat(key))) return { steps: [] };
      return JSON.parse(await text(this.blobs, key)) as StoredRecipe;
    });
  }
}
