import type { FormulaNode } from './ast.js';
import { parseFormula } from './parser.js';

function children(node: FormulaNode): FormulaNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'call':
      return node.args;
    case 'case':
      return [
        ...node.branches.flatMap((b) => [b.when, b.then]),
        ...(node.otherwise ? [node.otherwise] : []),
      ];
    case 'in':
      return [node.value, ...node.list];
    case 'is_null':
      return [node.value];
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'column':
      return [];
  }
}

/** The column names a formula reads, in order of first use. */
export function formulaColumns(expression: string): string[] {
  const names = new Set<string>();
  const visit = (node: FormulaNode): void => {
    if (node.kind === 'column') names.add(node.name);
    children(node).forEach(visit);
  };
  visit(parseFormula(expression));
  return [...names];
}
