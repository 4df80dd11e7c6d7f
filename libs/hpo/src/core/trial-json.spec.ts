import { RandomSampler } from '../samplers/random-sampler.js';
import { createStudy } from '../study/create-study.js';
import { trialFromJson, trialToJson } from './trial-json.js';

describe('trial JSON', () => {
  it('round-trips a finished trial through JSON text', async () => {
    const study = await createStudy({ sampler: new RandomSampler({ seed: 1 }) });
    const trial = await study.ask();
    await trial.suggestCategorical('opt', ['adam', null, true]);
    await trial.suggestFloat('lr', 1e-4, 1, { log: true });
    await trial.report(0.9, 3);
    await trial.report(0.5, 1);
    await trial.setUserAttr('tags', ['a', { b: 1 }]);
    const done = await study.tell(trial.number, 0.5);
    const json = trialToJson(done);
    expect(json.intermediateValues).toEqual([
      [1, 0.5],
      [3, 0.9],
    ]);
    const back = trialFromJson(JSON.parse(JSON.stringify(json)) as typeof json);
    expect(back).toEqual(done);
  });
});
