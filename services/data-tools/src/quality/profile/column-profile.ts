import type { ColumnProfile, Histogram, Monotonicity, ValueCount } from '@hydroml/contracts';
import { sampleKurtosis, sampleSkewness } from './pass-moments.js';
import { TOP_K, type BasicStats, type Moments } from './profile.internal.js';
import { CARDINALITY_THRESHOLD, imbalanceScore, semanticTypeOf } from './semantic-type.js';

/** Everything measured about one column across the passes. */
export interface ColumnFacts {
  basics: BasicStats;
  moments?: Moments;
  histogram?: Histogram;
  values?: ValueCount[];
  monotonic?: Monotonicity;
  patterns?: Array<{ pattern: string; count: number }>;
  steps?: Pick<
    NonNullable<ColumnProfile['datetime']>,
    'step' | 'irregularSteps' | 'gaps' | 'largestGaps'
  >;
}

function json(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

export function columnProfile(facts: ColumnFacts, rows: number): ColumnProfile {
  const s = facts.basics;
  const semanticType = semanticTypeOf(s, rows);
  const profile: ColumnProfile = {
    ...{ name: s.column.name, type: s.column.type, sourceType: s.column.sourceType, semanticType },
    ...{
      count: s.count,
      missing: rows - s.count,
      missingShare: rows ? (rows - s.count) / rows : 0,
    },
    ...{ distinct: s.distinct, distinctApproximate: s.distinctApproximate },
    distinctShare: s.count ? s.distinct / s.count : 0,
    nullLike: s.nullLike,
    top: facts.values ? facts.values.slice(0, TOP_K) : null,
    monotonic: facts.monotonic ?? null,
  };
  if (s.numeric) profile.numeric = numericProfile(facts);
  if (s.text) profile.text = { ...s.text, patterns: facts.patterns ?? [] };
  if (s.temporal) {
    const steps = facts.steps ?? { step: null, irregularSteps: 0, gaps: 0, largestGaps: [] };
    profile.datetime = {
      ...{ min: s.temporal.min, max: s.temporal.max, ...steps },
      histogram: facts.histogram ?? null,
    };
  }
  if (s.bool) profile.boolean = s.bool;
  const categorical = semanticType === 'categorical' || semanticType === 'boolean';
  if (categorical && facts.values && s.distinct <= CARDINALITY_THRESHOLD) {
    profile.imbalance = imbalanceScore(
      facts.values.filter((v) => v.value !== null).map((v) => v.count),
    );
  }
  return profile;
}

function numericProfile(facts: ColumnFacts): NonNullable<ColumnProfile['numeric']> {
  const s = facts.basics;
  const b = s.numeric;
  if (!b) throw new Error('not a numeric column');
  const n = s.count;
  const m = facts.moments;
  // Two-pass variance from centered sums, as pandas' nanvar (ddof = 1).
  const variance = m && n > 1 ? m.m2 / (n - 1) : null;
  const std = variance === null ? null : Math.sqrt(variance);
  const [p5, p25, p50, p75, p95] = b.quantiles.map(json);
  const mean = json(b.mean);
  return {
    ...{ min: json(b.min), max: json(b.max), mean, std: json(std), variance: json(variance) },
    ...{ sum: json(b.sum), zeros: b.zeros, negatives: b.negatives, infinite: b.infinite },
    quantiles: { p5, p25, p50, p75, p95 },
    iqr: p75 !== null && p25 !== null ? p75 - p25 : null,
    skewness: m ? json(sampleSkewness(n, m)) : null,
    kurtosis: m ? json(sampleKurtosis(n, m)) : null,
    cv: std !== null && mean ? json(std / mean) : null,
    histogram: facts.histogram ?? null,
  };
}
