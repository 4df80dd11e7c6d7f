import type { DatasetVersionEntity } from '../versions/persistence/dataset-version.entity.js';
import type { VersionsRepository } from '../versions/versions.repository.js';
import { VersionLookup } from './version-lookup.js';

function repository(answers: Array<DatasetVersionEntity | null>) {
  const calls: string[] = [];
  const fake = {
    find: (dataSourceId: string, version: number) => {
      calls.push(`${dataSourceId}@${version}`);
      return Promise.resolve(answers.shift() ?? null);
    },
  };
  return { calls, repo: fake as unknown as VersionsRepository };
}

describe('VersionLookup', () => {
  it('remembers a found version for a few seconds', async () => {
    const entity = { sha256: 'abc' } as DatasetVersionEntity;
    const { calls, repo } = repository([entity]);
    const lookup = new VersionLookup(repo);
    expect(await lookup.find('ds', 1)).toBe(entity);
    expect(await lookup.find('ds', 1)).toBe(entity);
    expect(calls).toEqual(['ds@1']);
  });

  it('never remembers a missing version (it may be committed any moment)', async () => {
    const entity = { sha256: 'abc' } as DatasetVersionEntity;
    const { calls, repo } = repository([null, entity]);
    const lookup = new VersionLookup(repo);
    expect(await lookup.find('ds', 2)).toBeNull();
    expect(await lookup.find('ds', 2)).toBe(entity);
    expect(calls).toEqual(['ds@2', 'ds@2']);
  });
});
