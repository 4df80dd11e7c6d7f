/** A formula's syntax tree. `at` is the 0-based offset of the node's first character. */
export type FormulaNode =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'boolean'; value: boolean; at: number }
  | { kind: 'null'; at: number }
  | { kind: 'column'; name: string; at: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: FormulaNode; at: number }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode; at: number }
  | { kind: 'call'; name: string; args: FormulaNode[]; at: number }
  | {
      kind: 'case';
      branches: Array<{ when: FormulaNode; then: FormulaNode }>;
      otherwise: FormulaNode | null;
      at: number;
    }
  | { kind: 'in'; value: FormulaNode; list: FormulaNode[]; negated: boolean; at: number }
  | { kind: 'is_null'; value: FormulaNode; negated: boolean; at: number };

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type BinaryOp = ArithmeticOp | ComparisonOp | 'and' | 'or' | '&';
