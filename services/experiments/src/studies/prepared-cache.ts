import { Injectable } from '@nestjs/common';
import type { PreparedTraining } from '../training/training-executor.js';

const SIZE = 4;

/** The prepared data of the studies this process works on (trials differ only in the model). */
@Injectable()
export class PreparedCache {
  private readonly entries = new Map<string, Promise<PreparedTraining>>();

  get(key: string, load: () => Promise<PreparedTraining>): Promise<PreparedTraining> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const loading = load();
    loading.catch(() => this.entries.delete(key));
    if (this.entries.size >= SIZE) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, loading);
    return loading;
  }
}
