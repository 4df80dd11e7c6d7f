import { DomainError } from '@hydroml/contracts';
import { dataRefs, draftRequest } from './gallery-drafts.js';

const PUBLISHED = 'aaaaaaaa-0000-4000-8000-000000000001';
const OWN = 'bbbbbbbb-0000-4000-8000-000000000002';

function row(draft: Record<string, unknown>) {
  return {
    id: 'd1',
    gallery_id: 'g1',
    project_id: 'p-forker',
    draft,
    created_at: new Date(),
    title: 't',
    model_type: 'ridge' as const,
  };
}

const draft = {
  dataSourceId: PUBLISHED,
  version: 3,
  target: 'flow',
  features: ['rain'],
  model: { type: 'ridge', params: { alpha: 2 } },
  presetId: 'publishers-preset',
  projectId: 'p-forker',
  forkedFrom: 'g1',
  experimentName: 'Trainings',
};

describe('running a gallery draft', () => {
  it("keeps the published spec, drops the publisher's preset id and fork bookkeeping", () => {
    const request = draftRequest(row(draft), { id: 'd1' });
    expect(request).toEqual({
      dataSourceId: PUBLISHED,
      version: 3,
      target: 'flow',
      features: ['rain'],
      model: { type: 'ridge', params: { alpha: 2 } },
      experimentName: 'Trainings',
      projectId: 'p-forker',
    });
  });

  it("puts the caller's own data, target and features in place of the published ones", () => {
    const request = draftRequest(row(draft), {
      id: 'd1',
      dataSourceId: OWN,
      version: 1,
      target: 'discharge',
      features: ['precip'],
      runName: 'mine',
    });
    expect(request).toMatchObject({
      dataSourceId: OWN,
      version: 1,
      target: 'discharge',
      features: ['precip'],
      runName: 'mine',
      model: { type: 'ridge', params: { alpha: 2 } },
    });
  });

  it('needs the version of an own data source', () => {
    expect(() => draftRequest(row(draft), { id: 'd1', dataSourceId: OWN })).toThrow(DomainError);
  });

  it('lists the data versions recipe steps read besides the spec own', () => {
    const right = { dataSourceId: PUBLISHED, version: 2 };
    const recipe = [
      { op: 'fusion.join', params: { right, how: 'left', on: ['day'] } },
      { op: 'timeseries.lag', params: { orderBy: 'day', columns: ['flow'], periods: [1] } },
    ];
    expect(dataRefs({ recipe })).toEqual([right]);
    expect(dataRefs({})).toEqual([]);
  });
});
