import { formulaColumns } from './formula-columns.js';

describe('formulaColumns', () => {
  it('lists every column a formula reads, once', () => {
    expect(
      formulaColumns(
        'case when [Flow Rate] > a then coalesce(b, a) else -c end & d in (e) or f is null',
      ),
    ).toEqual(['Flow Rate', 'a', 'b', 'c', 'd', 'e', 'f']);
  });
});
