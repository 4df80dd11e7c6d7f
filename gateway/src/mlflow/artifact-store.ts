import { IsString } from 'class-validator';
import { loadEnv } from '@hydroml/nest-kit';
import { FsBlobStore, type BlobStore } from '@hydroml/storage';

/** Where run artifacts live (the blob directory shared with the services). */
export class ArtifactsEnv {
  @IsString()
  BLOB_DIR = 'data/blobs';
}

export const ARTIFACT_STORE = Symbol('ARTIFACT_STORE');

export const artifactStoreProvider = {
  provide: ARTIFACT_STORE,
  useFactory: (): BlobStore => new FsBlobStore(loadEnv(ArtifactsEnv).BLOB_DIR),
};
