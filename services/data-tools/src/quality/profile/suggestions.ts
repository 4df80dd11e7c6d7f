import type { ColumnProfile, Suggestion } from '@hydroml/contracts';

/**
 * Studio steps for alerts, in the shapes pinned by the core steps contract (op names and params
 * that `POST /sessions/:id/steps` accepts as is). Pure functions of the profile.
 */
export const Suggest = {
  dropColumn(column: string): Suggestion {
    return {
      title: `Drop column ${column}`,
      step: { op: 'columns.drop', params: { columns: [column] } },
    };
  },

  fillMissing(c: ColumnProfile): Suggestion {
    if (c.semanticType === 'datetime' && c.type !== 'string') {
      return {
        title: `Drop rows without ${c.name}`,
        step: { op: 'rows.drop_missing', params: { columns: [c.name], how: 'any' } },
      };
    }
    if (c.type === 'string' && c.semanticType === 'numeric') return Suggest.castNumber(c.name);
    const method = c.type === 'integer' || c.type === 'float' ? 'median' : 'mode';
    return {
      title: `Fill missing ${c.name} with the ${method}`,
      step: { op: 'missing.fill', params: { column: c.name, method } },
    };
  },

  castNumber(column: string): Suggestion {
    return {
      title: `Convert ${column} to numbers (text that is not a number becomes missing)`,
      step: { op: 'columns.cast', params: { column, to: 'float', onError: 'null' } },
    };
  },

  toNull(
    column: string,
    values: string[],
    what = values.map((v) => `"${v}"`).join(', '),
  ): Suggestion {
    return {
      title: `Treat ${what} in ${column} as missing`,
      step: { op: 'missing.to_null', params: { column, values } },
    };
  },

  infinitiesToNull(column: string): Suggestion {
    return Suggest.toNull(column, ['Infinity', '-Infinity'], 'infinite values');
  },

  /** Rare labels of a categorical column in one bucket (their share under 5 %), one-hot encoded. */
  bucketRare(column: string): Suggestion {
    return {
      title: `One-hot encode ${column} with labels under 5 % of rows in one "other" column`,
      step: { op: 'learned.one_hot', params: { column, minFrequency: 0.05, maxColumns: 20 } },
    };
  },

  parseDate(column: string, format: string): Suggestion {
    return {
      title: `Parse ${column} as a date (${format})`,
      step: { op: 'dates.parse', params: { column, format } },
    };
  },

  deduplicate(columns?: string[]): Suggestion {
    const params: Record<string, unknown> = { keep: 'first' };
    if (columns) params.columns = columns;
    const title = columns
      ? `Remove rows repeating ${columns.join(', ')} (keep the first)`
      : 'Remove duplicate rows (keep the first)';
    return { title, step: { op: 'rows.deduplicate', params } };
  },

  sortBy(column: string): Suggestion {
    return {
      title: `Sort rows by ${column}`,
      step: { op: 'rows.sort', params: { sortModel: [{ colId: column, sort: 'asc' }] } },
    };
  },

  logTransform(c: ColumnProfile): Suggestion {
    const shift = c.numeric?.min !== null && (c.numeric?.min ?? 0) < 0 ? -(c.numeric?.min ?? 0) : 0;
    const expression = shift ? `ln(1 + "${c.name}" + ${shift})` : `ln(1 + "${c.name}")`;
    return {
      title: `Add log(1 + ${c.name}) to reduce the skew`,
      step: { op: 'formula.column', params: { expression, as: `${c.name}_log` } },
    };
  },
};

/** A strftime format for the commonest shape of a date-like text column. */
export function dateFormatOf(c: ColumnProfile): string {
  const shape = c.text?.patterns[0]?.pattern ?? '9999-99-99';
  if (/^9999-99-99[ T]99:99:99/.test(shape)) return `%Y-%m-%d${shape[10]}%H:%M:%S`;
  if (/^9999-99-99[ T]99:99/.test(shape)) return `%Y-%m-%d${shape[10]}%H:%M`;
  return '%Y-%m-%d';
}
