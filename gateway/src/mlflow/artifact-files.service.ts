import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  ArtifactsContracts,
  DomainError,
  type ArtifactGrant,
  type CallContext,
} from '@hydroml/contracts';
import { NatsClient } from '@hydroml/nest-kit';
import { BLOB_STORE, type BlobStore } from '@hydroml/storage';
import { artifactKey, listLevel, relativeOfKey, type FileInfo } from './artifact-keys.js';

const MAX_ARTIFACT_BYTES = 5 * 1024 ** 3;

/** Run artifacts in the blob store, each operation authorized by the experiments service. */
@Injectable()
export class ArtifactFilesService {
  constructor(
    private readonly nats: NatsClient,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  authorize(
    call: CallContext,
    target: { path?: string; run_id?: string },
    action: 'read' | 'write',
  ): Promise<ArtifactGrant> {
    return this.nats.request(ArtifactsContracts.authorize, { ...target, action }, call);
  }

  async upload(call: CallContext, path: string, body: unknown): Promise<void> {
    const grant = await this.authorize(call, { path }, 'write');
    if (grant.relative === '')
      throw new DomainError('invalid_argument', 'an artifact needs a file name');
    await this.store.put(artifactKey(grant.prefix, grant.relative), toStream(body), {
      maxBytes: MAX_ARTIFACT_BYTES,
    });
  }

  async download(call: CallContext, path: string): Promise<Readable> {
    const grant = await this.authorize(call, { path }, 'read');
    return this.store.get(artifactKey(grant.prefix, grant.relative));
  }

  /** The file a grant names (not_found when absent). */
  read(grant: ArtifactGrant): Promise<Readable> {
    return this.store.get(artifactKey(grant.prefix, grant.relative));
  }

  async delete(call: CallContext, path: string): Promise<void> {
    const grant = await this.authorize(call, { path }, 'write');
    const key = artifactKey(grant.prefix, grant.relative);
    const below = await this.store.list(`${key}/`);
    for (const k of [key, ...below]) {
      if ((await this.store.stat(k)) !== null) await this.store.delete(k);
    }
  }

  /** One level below `grant.relative`; `fullPaths` names entries from the run root (MLflow's list). */
  async list(grant: ArtifactGrant, fullPaths: boolean): Promise<FileInfo[]> {
    const keys = await this.store.list(`${grant.prefix}/`);
    const relatives = keys.map((key) => relativeOfKey(grant.prefix, key));
    const dir = grant.relative;
    const entries = listLevel(relatives, dir, (entry) =>
      fullPaths && dir !== '' ? `${dir}/${entry}` : entry,
    );
    return Promise.all(
      entries.map(async ({ entry, path, isDir }) => {
        if (isDir) return { path, is_dir: true };
        const rel = dir === '' ? entry : `${dir}/${entry}`;
        const info = await this.store.stat(artifactKey(grant.prefix, rel));
        return { path, is_dir: false, file_size: info?.size ?? 0 };
      }),
    );
  }
}

function toStream(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (body === undefined || body === null) return Readable.from([]);
  if (typeof body === 'string' || Buffer.isBuffer(body)) return Readable.from([Buffer.from(body)]);
  return Readable.from([Buffer.from(JSON.stringify(body))]);
}
