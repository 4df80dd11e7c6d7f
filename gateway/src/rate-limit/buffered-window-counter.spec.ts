import { BufferedWindowCounter } from './buffered-window-counter.js';

describe('buffered window counter', () => {
  it('counts local hits at once and adds them to the shared total in one call per key', async () => {
    const shared = new Map<string, number>([['k', 40]]); // 40 hits from other replicas
    const calls: Array<[string, number]> = [];
    const counter = new BufferedWindowCounter((key, delta) => {
      calls.push([key, delta]);
      shared.set(key, (shared.get(key) ?? 0) + delta);
      return Promise.resolve(shared.get(key)!);
    }, 60_000);
    expect([counter.hit('k'), counter.hit('k'), counter.hit('k')]).toEqual([1, 2, 3]);
    await counter.flush();
    expect(calls).toEqual([['k', 3]]);
    expect(counter.hit('k')).toBe(44);
    await counter.flush();
  });

  it('keeps hits it could not send and retries them', async () => {
    let fail = true;
    const sent: number[] = [];
    const counter = new BufferedWindowCounter((_key, delta) => {
      if (fail) return Promise.reject(new Error('redis down'));
      sent.push(delta);
      return Promise.resolve(delta);
    }, 60_000);
    counter.hit('k');
    counter.hit('k');
    await counter.flush();
    fail = false;
    counter.hit('k');
    await counter.flush();
    expect(sent).toEqual([3]);
  });

  it('forgets windows that are over', () => {
    const counter = new BufferedWindowCounter(() => Promise.resolve(0), 60_000);
    counter.hit('old');
    counter.retainOnly((key) => key !== 'old');
    expect(counter.hit('old')).toBe(1);
    void counter.flush();
  });
});
