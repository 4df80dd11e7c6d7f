import type { BinaryOp, ComparisonOp, FormulaNode } from './ast.js';
import { FormulaError } from './formula-error.js';
import { tokenize, type Token } from './lexer.js';

const COMPARISONS: Record<string, ComparisonOp> = {
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'true',
  'false',
  'null',
  'case',
  'when',
  'then',
  'else',
  'end',
  'in',
  'is',
]);
const MAX_DEPTH = 100;

/**
 * Recursive descent over the grammar (lowest precedence first):
 *   or      := and (("or" | "||") and)*
 *   and     := not (("and" | "&&") not)*
 *   not     := ("not" | "!") not | compare
 *   compare := concat ((= | != | < | <= | > | >=) concat | [not] in (list) | is [not] null)?
 *   concat  := sum ("&" sum)*
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/" | "%") unary)*
 *   unary   := "-" unary | power
 *   power   := primary ("^" unary)?
 *   primary := number | text | true | false | null | column | [column name] | name(args)
 *            | case when … then … [else …] end | "(" or ")"
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    if (this.peek().kind === 'eof') throw new FormulaError('the formula is empty', 0);
    const node = this.or();
    const next = this.peek();
    if (next.kind !== 'eof') throw new FormulaError(`unexpected ${describe(next)}`, next.at);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'name' && token.text.toLowerCase() === word;
  }

  private isOp(...ops: string[]): boolean {
    const token = this.peek();
    return token.kind === 'op' && ops.includes(token.text);
  }

  private expectOp(op: string): Token {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== op) {
      throw new FormulaError(`expected "${op}" but found ${describe(token)}`, token.at);
    }
    return token;
  }

  private expectKeyword(word: string): void {
    const token = this.next();
    if (token.kind !== 'name' || token.text.toLowerCase() !== word) {
      throw new FormulaError(`expected "${word}" but found ${describe(token)}`, token.at);
    }
  }

  private binaryLevel(operand: () => FormulaNode, match: () => BinaryOp | null): FormulaNode {
    let left = operand();
    for (let op = match(); op !== null; op = match()) {
      const at = this.next().at;
      left = { kind: 'binary', op, left, right: operand(), at };
    }
    return left;
  }

  private or(): FormulaNode {
    this.depth += 1;
    if (this.depth > MAX_DEPTH)
      throw new FormulaError('the formula is nested too deeply', this.peek().at);
    try {
      return this.binaryLevel(
        () => this.and(),
        () => (this.isKeyword('or') || this.isOp('||') ? 'or' : null),
      );
    } finally {
      this.depth -= 1;
    }
  }

  private and(): FormulaNode {
    return this.binaryLevel(
      () => this.not(),
      () => (this.isKeyword('and') || this.isOp('&&') ? 'and' : null),
    );
  }

  private not(): FormulaNode {
    if (this.isKeyword('not') || this.isOp('!')) {
      const at = this.next().at;
      return { kind: 'unary', op: 'not', operand: this.not(), at };
    }
    return this.compare();
  }

  private compare(): FormulaNode {
    const left = this.concat();
    const token = this.peek();
    if (token.kind === 'op' && COMPARISONS[token.text]) {
      this.next();
      return {
        kind: 'binary',
        op: COMPARISONS[token.text],
        left,
        right: this.concat(),
        at: token.at,
      };
    }
    if (this.isKeyword('is')) {
      this.next();
      const negated = this.isKeyword('not');
      if (negated) this.next();
      this.expectKeyword('null');
      return { kind: 'is_null', value: left, negated, at: token.at };
    }
    const negated = this.isKeyword('not') && this.isKeyword('in', 1);
    if (negated || this.isKeyword('in')) {
      if (negated) this.next();
      this.next();
      return { kind: 'in', value: left, list: this.argumentList(), negated, at: token.at };
    }
    return left;
  }

  private concat(): FormulaNode {
    return this.binaryLevel(
      () => this.sum(),
      () => (this.isOp('&') ? '&' : null),
    );
  }

  private sum(): FormulaNode {
    return this.binaryLevel(
      () => this.product(),
      () => (this.isOp('+', '-') ? (this.peek().text as '+' | '-') : null),
    );
  }

  private product(): FormulaNode {
    return this.binaryLevel(
      () => this.unary(),
      () => (this.isOp('*', '/', '%') ? (this.peek().text as '*' | '/' | '%') : null),
    );
  }

  private unary(): FormulaNode {
    if (this.isOp('-', '+')) {
      const token = this.next();
      const operand = this.unary();
      return token.text === '+' ? operand : { kind: 'unary', op: '-', operand, at: token.at };
    }
    const base = this.primary();
    if (this.isOp('^')) {
      const at = this.next().at;
      return { kind: 'binary', op: '^', left: base, right: this.unary(), at };
    }
    return base;
  }

  private argumentList(): FormulaNode[] {
    this.expectOp('(');
    const args: FormulaNode[] = [];
    if (!this.isOp(')')) {
      args.push(this.or());
      while (this.isOp(',')) {
        this.next();
        args.push(this.or());
      }
    }
    this.expectOp(')');
    return args;
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.next();
        return { kind: 'number', value: Number(token.text), at: token.at };
      case 'string':
        this.next();
        return { kind: 'string', value: token.text, at: token.at };
      case 'column':
        this.next();
        if (token.text === '') throw new FormulaError('empty column name', token.at);
        return { kind: 'column', name: token.text, at: token.at };
      case 'name':
        return this.named(token);
      case 'op':
        if (token.text === '(') {
          this.next();
          const inner = this.or();
          this.expectOp(')');
          return inner;
        }
        throw new FormulaError(`unexpected ${describe(token)}`, token.at);
      case 'eof':
        throw new FormulaError('the formula ends too early', token.at);
    }
  }

  private named(token: Token): FormulaNode {
    const word = token.text.toLowerCase();
    if (word === 'case') return this.caseExpression();
    this.next();
    if (word === 'true' || word === 'false')
      return { kind: 'boolean', value: word === 'true', at: token.at };
    if (word === 'null') return { kind: 'null', at: token.at };
    if (this.isOp('('))
      return { kind: 'call', name: word, args: this.argumentList(), at: token.at };
    if (KEYWORDS.has(word)) throw new FormulaError(`unexpected "${token.text}"`, token.at);
    return { kind: 'column', name: token.text, at: token.at };
  }

  private caseExpression(): FormulaNode {
    const at = this.next().at;
    const branches: Array<{ when: FormulaNode; then: FormulaNode }> = [];
    while (this.isKeyword('when')) {
      this.next();
      const when = this.or();
      this.expectKeyword('then');
      branches.push({ when, then: this.or() });
    }
    if (branches.length === 0)
      throw new FormulaError('"case" needs at least one "when"', this.peek().at);
    let otherwise: FormulaNode | null = null;
    if (this.isKeyword('else')) {
      this.next();
      otherwise = this.or();
    }
    this.expectKeyword('end');
    return { kind: 'case', branches, otherwise, at };
  }
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the formula';
  if (token.kind === 'string') return 'text';
  return `"${token.text}"`;
}

/** Parses a formula into its syntax tree; a syntax error names the position (1-based). */
export function parseFormula(source: string): FormulaNode {
  return new Parser(tokenize(source)).parse();
}
