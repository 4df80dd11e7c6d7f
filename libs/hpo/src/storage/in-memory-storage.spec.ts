import { InMemoryStorage } from './in-memory-storage.js';
import { checkStorageContract } from './storage-contract.js';

describe('InMemoryStorage', () => {
  it('keeps the storage contract', async () => {
    await expect(checkStorageContract(new InMemoryStorage())).resolves.toBeUndefined();
  });

  it('keeps studies apart and rejects duplicate names', async () => {
    const storage = new InMemoryStorage();
    const a = await storage.createStudy(['minimize'], 'a');
    const b = await storage.createStudy(['maximize']);
    await storage.createTrial(a.studyId);
    expect(await storage.getAllTrials(b.studyId)).toHaveLength(0);
    await expect(storage.createStudy(['minimize'], 'a')).rejects.toThrow(
      "Another study with name 'a' already exists.",
    );
    await expect(storage.getTrial('missing')).rejects.toThrow('No trial with id missing exists.');
  });
});
