import { invalid, tokenize, type Token } from './filter-lexer.js';

export type EntityType = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';
export type Comparator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | 'ILIKE'
  | 'IN'
  | 'NOT IN'
  | 'IS NULL'
  | 'IS NOT NULL';

export interface Comparison {
  type: 'cmp';
  entity: EntityType;
  key: string;
  comparator: Comparator;
  value: string | number | string[] | null;
}

export interface Logical {
  type: 'and' | 'or';
  items: FilterNode[];
}

export type FilterNode = Comparison | Logical;

const PREFIXES: Record<string, EntityType> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

export interface ParseOptions {
  /** HydroML's native grammar also accepts OR and parentheses. */
  extended?: boolean;
}

/** The entity and key an identifier token names (`metrics.rmse`, `attributes.status`, `name`). */
export function identifierOf(token: Token | undefined): { entity: EntityType; key: string } {
  if (!token || token.kind !== 'ident') throw invalid('Invalid filter: expected an identifier');
  if (token.prefix === null) return { entity: 'attribute', key: token.key };
  const entity = PREFIXES[token.prefix];
  if (!entity) {
    throw invalid(
      `Invalid entity type '${token.prefix}'. Valid values are metrics, params, tags, attributes`,
    );
  }
  return { entity, key: token.key };
}

class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly extended: boolean,
  ) {}

  parse(): FilterNode {
    const node = this.orExpr();
    if (this.i < this.tokens.length) throw invalid(`Invalid filter: unexpected ${this.describe()}`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isWord(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.value === value;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.value === value;
  }

  private describe(): string {
    const token = this.peek();
    if (!token) return 'end of filter';
    return token.kind === 'ident' ? `identifier '${token.key}'` : `'${String(token.value)}'`;
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) throw invalid(`Invalid filter: expected '${value}'`);
    this.i += 1;
  }

  private orExpr(): FilterNode {
    const items = [this.andExpr()];
    while (this.isWord('OR')) {
      if (!this.extended) throw invalid("Invalid filter: 'OR' is not supported");
      this.i += 1;
      items.push(this.andExpr());
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  }

  private andExpr(): FilterNode {
    const items = [this.primary()];
    while (this.isWord('AND')) {
      this.i += 1;
      items.push(this.primary());
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  }

  private primary(): FilterNode {
    if (this.isPunct('(')) {
      if (!this.extended) throw invalid('Invalid filter: parentheses are not supported');
      this.i += 1;
      const node = this.orExpr();
      this.expectPunct(')');
      return node;
    }
    return this.comparison();
  }

  private comparison(): Comparison {
    const { entity, key } = identifierOf(this.peek());
    this.i += 1;
    const { comparator, value } = this.predicate();
    return checkTypes({ type: 'cmp', entity, key, comparator, value });
  }

  private predicate(): { comparator: Comparator; value: Comparison['value'] } {
    const token = this.peek();
    this.i += 1;
    if (token?.kind === 'op')
      return { comparator: token.value as Comparator, value: this.scalar() };
    if (token?.kind !== 'word') throw invalid('Invalid filter: expected a comparator');
    if (token.value === 'LIKE' || token.value === 'ILIKE') {
      return { comparator: token.value, value: this.scalar() };
    }
    if (token.value === 'IN') return { comparator: 'IN', value: this.list() };
    if (token.value === 'NOT' && this.isWord('IN')) {
      this.i += 1;
      return { comparator: 'NOT IN', value: this.list() };
    }
    if (token.value === 'IS') return this.nullCheck();
    throw invalid(`Invalid filter: unexpected '${token.value}'`);
  }

  private nullCheck(): { comparator: Comparator; value: null } {
    const negated = this.isWord('NOT');
    if (negated) this.i += 1;
    if (!this.isWord('NULL')) throw invalid("Invalid filter: expected 'NULL' after 'IS'");
    this.i += 1;
    return { comparator: negated ? 'IS NOT NULL' : 'IS NULL', value: null };
  }

  private scalar(): string | number {
    const token = this.peek();
    if (token?.kind === 'string' || token?.kind === 'number') {
      this.i += 1;
      return token.value;
    }
    throw invalid(`Invalid filter: expected a value, got ${this.describe()}`);
  }

  private list(): string[] {
    this.expectPunct('(');
    const values: string[] = [];
    do {
      if (values.length > 0) this.i += 1;
      const token = this.peek();
      if (token?.kind !== 'string') throw invalid('Invalid filter: IN lists hold quoted strings');
      values.push(token.value);
      this.i += 1;
    } while (this.isPunct(','));
    this.expectPunct(')');
    return values;
  }
}

const NUMERIC_ONLY = new Set<Comparator>(['<', '<=', '>', '>=']);
const STRING_ONLY = new Set<Comparator>(['LIKE', 'ILIKE', 'IN', 'NOT IN']);

function checkTypes(cmp: Comparison): Comparison {
  if (cmp.entity === 'metric') {
    if (typeof cmp.value !== 'number') {
      throw invalid(
        `Expected numeric value type for metric '${cmp.key}'. Found ${String(cmp.value)}`,
      );
    }
    if (STRING_ONLY.has(cmp.comparator)) {
      throw invalid(`Invalid comparator '${cmp.comparator}' for metric '${cmp.key}'`);
    }
  }
  if ((cmp.entity === 'param' || cmp.entity === 'tag') && NUMERIC_ONLY.has(cmp.comparator)) {
    throw invalid(`Invalid comparator '${cmp.comparator}' for ${cmp.entity} '${cmp.key}'`);
  }
  if ((cmp.entity === 'param' || cmp.entity === 'tag') && typeof cmp.value === 'number') {
    throw invalid(`Value for ${cmp.entity} '${cmp.key}' must be a quoted string`);
  }
  return cmp;
}

/** Parses a search filter; an empty filter is null (no condition). */
export function parseFilter(
  text: string | undefined,
  options: ParseOptions = {},
): FilterNode | null {
  if (!text || text.trim() === '') return null;
  return new Parser(tokenize(text), options.extended ?? false).parse();
}

/** Parses one `order_by` entry: `metrics.rmse DESC`, `attributes.start_time`, `name ASC`. */
export function parseOrderBy(text: string): { entity: EntityType; key: string; asc: boolean } {
  const tokens = tokenize(text);
  const { entity, key } = identifierOf(tokens[0]);
  const direction = tokens[1];
  if (tokens.length > 2 || (direction && direction.kind !== 'ident' && direction.kind !== 'word')) {
    throw invalid(`Invalid order_by clause '${text}'`);
  }
  const dir = direction ? (direction.kind === 'ident' ? direction.key : direction.value) : 'ASC';
  if (!/^(ASC|DESC)$/i.test(dir)) throw invalid(`Invalid order_by clause '${text}'`);
  return { entity, key, asc: dir.toUpperCase() === 'ASC' };
}
