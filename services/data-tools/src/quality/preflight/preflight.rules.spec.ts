import { assessPreflight, inferTask } from './preflight.rules.js';
import { PREFLIGHT_LIMITS, type PreflightColumn, type PreflightStats } from './preflight.types.js';

function col(over: Partial<PreflightColumn> & { name: string }): PreflightColumn {
  return {
    type: 'float',
    present: 100,
    distinct: 80,
    equalsTarget: false,
    corrWithTarget: 0.2,
    ...over,
  };
}

function stats(over: Partial<PreflightStats> = {}): PreflightStats {
  return {
    rows: 100,
    target: col({ name: 'flow' }),
    features: [col({ name: 'rain' }), col({ name: 'temp' })],
    missingFeatures: [],
    classes: [],
    ...over,
  };
}

const codes = (issues: Array<{ code: string }>) => issues.map((i) => i.code);

describe('assessPreflight', () => {
  it('accepts a clean regression problem and infers the task', () => {
    const result = assessPreflight(stats(), { target: 'flow' });
    expect(result).toMatchObject({ ok: true, task: 'regression', taskInferred: true });
    expect(result.usableFeatures).toEqual(['rain', 'temp']);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('infers classification for text targets and integers with few values', () => {
    expect(inferTask(col({ name: 't', type: 'string' }))).toBe('classification');
    expect(
      inferTask(col({ name: 't', type: 'integer', distinct: PREFLIGHT_LIMITS.maxClassesInferred })),
    ).toBe('classification');
    expect(inferTask(col({ name: 't', type: 'integer', distinct: 21 }))).toBe('regression');
    expect(inferTask(col({ name: 't', type: 'float', distinct: 2 }))).toBe('regression');
  });

  it('refuses a target without values, a constant target and regression on text', () => {
    expect(
      codes(
        assessPreflight(stats({ target: col({ name: 'flow', present: 0, distinct: 0 }) }), {
          target: 'flow',
        }).errors,
      ),
    ).toContain('target_all_missing');
    expect(
      codes(
        assessPreflight(stats({ target: col({ name: 'flow', distinct: 1 }) }), { target: 'flow' })
          .errors,
      ),
    ).toContain('target_constant');
    const text = stats({ target: col({ name: 'flow', type: 'string', distinct: 3 }) });
    const result = assessPreflight(text, { target: 'flow', task: 'regression' });
    expect(result).toMatchObject({ ok: false, task: 'regression', taskInferred: false });
    expect(codes(result.errors)).toEqual(['target_not_numeric']);
  });

  it('warns about rows without a target', () => {
    const result = assessPreflight(stats({ target: col({ name: 'flow', present: 90 }) }), {
      target: 'flow',
    });
    expect(result.ok).toBe(true);
    expect(result.rowsWithTarget).toBe(90);
    expect(codes(result.warnings)).toEqual(['target_missing']);
  });

  it('flags leakage when a feature equals the target, and near-perfect correlation', () => {
    const s = stats({
      features: [
        col({ name: 'copy', equalsTarget: true }),
        col({ name: 'twin', corrWithTarget: -0.9995 }),
        col({ name: 'rain' }),
      ],
    });
    const result = assessPreflight(s, { target: 'flow' });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'leakage', column: 'copy' })]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'leakage_suspected', column: 'twin' }),
    ]);
    expect(result.usableFeatures).toEqual(['twin', 'rain']);
  });

  it('leaves out constant, empty and id-like features with a warning', () => {
    const s = stats({
      features: [
        col({ name: 'const', distinct: 1 }),
        col({ name: 'empty', present: 0, distinct: 0 }),
        col({ name: 'id', type: 'string', distinct: 100 }),
        col({ name: 'rain' }),
      ],
    });
    const result = assessPreflight(s, { target: 'flow' });
    expect(result.ok).toBe(true);
    expect(result.usableFeatures).toEqual(['rain']);
    expect(codes(result.warnings)).toEqual([
      'feature_constant',
      'feature_all_missing',
      'feature_id_like',
    ]);
  });

  it('fails when no feature is usable, a feature is unknown or the target is a feature', () => {
    const s = stats({ features: [col({ name: 'const', distinct: 1 })], missingFeatures: ['nope'] });
    const result = assessPreflight(s, { target: 'flow', features: ['const', 'nope', 'flow'] });
    expect(codes(result.errors)).toEqual([
      'feature_not_found',
      'feature_is_target',
      'no_usable_features',
    ]);
  });

  it('checks rows: too few rows is an error, few rows per feature a warning', () => {
    const few = stats({ rows: 9, target: col({ name: 'flow', present: 9, distinct: 9 }) });
    expect(codes(assessPreflight(few, { target: 'flow' }).errors)).toEqual(['too_few_rows']);
    const ten = stats({
      rows: 10,
      target: col({ name: 'flow', present: 10, distinct: 9 }),
      features: [col({ name: 'rain' })],
    });
    expect(assessPreflight(ten, { target: 'flow' }).ok).toBe(true);
    const wide = stats({ rows: 19, target: col({ name: 'flow', present: 19, distinct: 9 }) });
    expect(codes(assessPreflight(wide, { target: 'flow' }).warnings)).toEqual([
      'low_rows_per_feature',
    ]);
    const enough = stats({ rows: 20, target: col({ name: 'flow', present: 20, distinct: 9 }) });
    expect(assessPreflight(enough, { target: 'flow' }).warnings).toEqual([]);
  });

  it('reports class imbalance below a tenth of the largest class, and single-row classes', () => {
    const target = col({ name: 'flood', type: 'boolean', distinct: 2 });
    const balanced = stats({
      target,
      classes: [
        { value: 'false', count: 90 },
        { value: 'true', count: 9 },
      ],
    });
    expect(assessPreflight(balanced, { target: 'flood' }).warnings).toEqual([]);
    const skewed = stats({
      target,
      classes: [
        { value: 'false', count: 91 },
        { value: 'true', count: 9 },
      ],
    });
    const result = assessPreflight(skewed, { target: 'flood' });
    expect(result).toMatchObject({ ok: true, task: 'classification' });
    expect(codes(result.warnings)).toEqual(['class_imbalance']);
    expect(result.classes).toHaveLength(2);
    const single = stats({
      target,
      classes: [
        { value: 'a', count: 11 },
        { value: 'b', count: 1 },
      ],
    });
    expect(codes(assessPreflight(single, { target: 'flood' }).warnings)).toEqual([
      'class_imbalance',
      'rare_class',
    ]);
  });

  it('limits the number of classes', () => {
    const many = stats({
      target: col({ name: 'k', type: 'string', distinct: PREFLIGHT_LIMITS.maxClasses + 1 }),
    });
    expect(codes(assessPreflight(many, { target: 'k' }).errors)).toEqual(['too_many_classes']);
    const fifty = stats({ target: col({ name: 'k', type: 'string', distinct: 51 }) });
    expect(codes(assessPreflight(fifty, { target: 'k' }).warnings)).toEqual(['many_classes']);
  });
});
