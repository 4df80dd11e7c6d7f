import { DomainError } from '@hydroml/contracts';

/** Readers of an expectation's kwargs: throw invalid_argument naming the field. */
export class Kwargs {
  constructor(
    private readonly type: string,
    private readonly raw: Record<string, unknown>,
  ) {}

  private fail(field: string, what: string): never {
    throw new DomainError('invalid_argument', `${this.type}: "${field}" ${what}`);
  }

  column(field = 'column'): string {
    const v = this.raw[field];
    if (typeof v !== 'string' || v.length === 0) this.fail(field, 'must name a column');
    return v;
  }

  columns(field: string): string[] {
    const v = this.raw[field];
    if (!Array.isArray(v) || v.length === 0 || v.some((c) => typeof c !== 'string')) {
      this.fail(field, 'must list column names');
    }
    return v as string[];
  }

  /** A bound value: number, string (dates as ISO text) or boolean; undefined when absent. */
  optionalScalar(field: string): string | number | boolean | undefined {
    const v = this.raw[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && !Number.isFinite(v)) this.fail(field, 'must be finite');
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    this.fail(field, 'must be a number, text or boolean');
  }

  scalar(field: string): string | number | boolean {
    const v = this.optionalScalar(field);
    if (v === undefined) this.fail(field, 'is required');
    return v;
  }

  optionalNumber(field: string): number | undefined {
    const v = this.raw[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, 'must be a number');
    return v;
  }

  number(field: string): number {
    const v = this.optionalNumber(field);
    if (v === undefined) this.fail(field, 'is required');
    return v;
  }

  bool(field: string): boolean {
    const v = this.raw[field];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') this.fail(field, 'must be true or false');
    return v;
  }

  values(field: string): Array<string | number | boolean> {
    const v = this.raw[field];
    if (!Array.isArray(v) || v.length > 10_000) this.fail(field, 'must list up to 10,000 values');
    return v.map((x) => {
      if (
        typeof x === 'string' ||
        typeof x === 'boolean' ||
        (typeof x === 'number' && Number.isFinite(x))
      )
        return x;
      this.fail(field, 'must hold numbers, text or booleans');
    });
  }

  text(field: string): string {
    const v = this.raw[field];
    if (typeof v !== 'string' || v.length === 0 || v.length > 1000)
      this.fail(field, 'must be text');
    return v;
  }

  /** GE's `quantile_ranges`: {quantiles: [0.05, ...], value_ranges: [[lo, hi], ...]} (null = open). */
  quantileRanges(): { quantiles: number[]; value_ranges: Array<[number | null, number | null]> } {
    const v = this.raw.quantile_ranges as
      { quantiles?: unknown; value_ranges?: unknown } | undefined;
    const q = v?.quantiles;
    const r = v?.value_ranges;
    const okQ =
      Array.isArray(q) && q.length > 0 && q.every((x) => typeof x === 'number' && x >= 0 && x <= 1);
    const bound = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
    const okR =
      Array.isArray(r) &&
      r.length === (Array.isArray(q) ? q.length : -1) &&
      r.every((p) => Array.isArray(p) && p.length === 2 && bound(p[0]) && bound(p[1]));
    if (!okQ || !okR)
      this.fail('quantile_ranges', 'must hold quantiles and as many [min, max] value_ranges');
    return { quantiles: q as number[], value_ranges: r as Array<[number | null, number | null]> };
  }

  /** GE's `mostly`: the share of non-missing values that must meet the expectation (0..1]. */
  mostly(): number {
    const v = this.raw.mostly;
    if (v === undefined || v === null) return 1;
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) this.fail('mostly', 'must be in (0, 1]');
    return v;
  }
}
