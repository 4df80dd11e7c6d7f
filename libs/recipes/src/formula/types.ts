import type { ColumnType } from '@hydroml/contracts';

/** What the formula checker knows about a value's type. */
export type FormulaType = 'number' | 'string' | 'boolean' | 'date' | 'timestamp' | 'null' | 'any';

export function formulaTypeOf(type: ColumnType): FormulaType {
  switch (type) {
    case 'integer':
    case 'float':
      return 'number';
    case 'string':
    case 'boolean':
    case 'date':
    case 'timestamp':
      return type;
    case 'other':
      return 'any';
  }
}

export function isTemporal(type: FormulaType): boolean {
  return type === 'date' || type === 'timestamp';
}

/** True when a value of `type` may stand where `wanted` is needed (null and unknown fit anywhere). */
export function fits(type: FormulaType, wanted: FormulaType | 'temporal'): boolean {
  if (type === 'null' || type === 'any' || wanted === 'any') return true;
  if (wanted === 'temporal') return isTemporal(type);
  return type === wanted;
}

/** The common type of branches (if, case, coalesce): the first that is known. */
export function commonType(types: readonly FormulaType[]): FormulaType {
  const known = types.filter((t) => t !== 'null' && t !== 'any');
  if (known.length === 0) return types.includes('any') ? 'any' : 'null';
  if (known.every((t) => t === known[0])) return known[0];
  return known.every((t) => isTemporal(t)) ? 'timestamp' : 'any';
}
