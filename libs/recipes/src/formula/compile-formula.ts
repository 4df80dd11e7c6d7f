import type { ColumnSchema } from '@hydroml/contracts';
import { ident } from '../core/sql.js';
import type { SqlValue } from '../core/types.js';
import type { ArithmeticOp, FormulaNode } from './ast.js';
import { FormulaError } from './formula-error.js';
import { DATE_UNITS, dateAddSql, FUNCTIONS, type ArgKind } from './functions.js';
import { commonType, fits, formulaTypeOf, isTemporal, type FormulaType } from './types.js';

/** SQL for a node and what is known of its type. */
export interface Compiled {
  sql: string;
  type: FormulaType;
}

export type Bind = (value: SqlValue) => string;

const CAST_OF: Partial<Record<FormulaType, string>> = {
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/**
 * Compiles a formula's tree to a SQL expression over `schema`: columns must exist (quoted
 * identifiers), functions come from a fixed list, every literal is bound (`bind` → `$n`), and
 * types are checked enough to name the position of a misuse.
 */
export class FormulaCompiler {
  constructor(
    private readonly schema: readonly ColumnSchema[],
    private readonly bind: Bind,
  ) {}

  compile(node: FormulaNode): Compiled {
    switch (node.kind) {
      case 'number':
        return {
          sql: `CAST(${this.bind(node.value)} AS ${Number.isInteger(node.value) ? 'BIGINT' : 'DOUBLE'})`,
          type: 'number',
        };
      case 'string':
        return { sql: `CAST(${this.bind(node.value)} AS VARCHAR)`, type: 'string' };
      case 'boolean':
        return { sql: node.value ? 'TRUE' : 'FALSE', type: 'boolean' };
      case 'null':
        return { sql: 'NULL', type: 'null' };
      case 'column':
        return this.column(node.name, node.at);
      case 'unary':
        return node.op === '-'
          ? { sql: `(- ${this.expect(node.operand, 'number', '"-"').sql})`, type: 'number' }
          : { sql: `(NOT ${this.expect(node.operand, 'boolean', '"not"').sql})`, type: 'boolean' };
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
      case 'case':
        return this.caseOf(node);
      case 'in':
        return this.inList(node);
      case 'is_null':
        return {
          sql: `(${this.compile(node.value).sql} IS ${node.negated ? 'NOT ' : ''}NULL)`,
          type: 'boolean',
        };
    }
  }

  private column(name: string, at: number): Compiled {
    const column = this.schema.find((c) => c.name === name);
    if (!column) throw new FormulaError(`column "${name}" does not exist`, at);
    return { sql: ident(column.name), type: formulaTypeOf(column.type) };
  }

  private expect(node: FormulaNode, wanted: FormulaType | 'temporal', what: string): Compiled {
    const compiled = this.compile(node);
    if (!fits(compiled.type, wanted)) {
      const name =
        wanted === 'temporal'
          ? 'a date'
          : wanted === 'number'
            ? 'a number'
            : wanted === 'string'
              ? 'text'
              : `a ${wanted}`;
      throw new FormulaError(
        `${what} needs ${name}, not ${this.describe(node, compiled.type)}`,
        node.at,
      );
    }
    return compiled;
  }

  private describe(node: FormulaNode, type: FormulaType): string {
    const typeName = type === 'number' ? 'a number' : type === 'string' ? 'text' : `a ${type}`;
    return node.kind === 'column' ? `column "${node.name}" (${typeName})` : typeName;
  }

  private binary(node: Extract<FormulaNode, { kind: 'binary' }>): Compiled {
    const { op, left, right } = node;
    if (op === 'and' || op === 'or') {
      const [l, r] = [
        this.expect(left, 'boolean', `"${op}"`),
        this.expect(right, 'boolean', `"${op}"`),
      ];
      return { sql: `(${l.sql} ${op.toUpperCase()} ${r.sql})`, type: 'boolean' };
    }
    if (op === '&') {
      const [l, r] = [this.compile(left), this.compile(right)];
      return {
        sql: `concat(CAST(${l.sql} AS VARCHAR), CAST(${r.sql} AS VARCHAR))`,
        type: 'string',
      };
    }
    if (['+', '-', '*', '/', '%', '^'].includes(op))
      return this.arithmetic(node, op as ArithmeticOp);
    return this.comparison(node);
  }

  private arithmetic(node: Extract<FormulaNode, { kind: 'binary' }>, op: ArithmeticOp): Compiled {
    const l = this.expect(node.left, 'number', `"${op}"`).sql;
    const r = this.expect(node.right, 'number', `"${op}"`).sql;
    const sql =
      op === '/'
        ? `(CAST(${l} AS DOUBLE) / nullif(${r}, 0))`
        : op === '%'
          ? `(${l} % nullif(${r}, 0))`
          : op === '^'
            ? `power(${l}, ${r})`
            : `(${l} ${op} ${r})`;
    return { sql, type: 'number' };
  }

  /** Both sides comparable; a text literal next to a date is read as a date. */
  private comparison(node: Extract<FormulaNode, { kind: 'binary' }>): Compiled {
    // Compile the non-literal side first: a text literal beside a date is bound once, as a date.
    const l0 = node.left.kind === 'string' ? null : this.compile(node.left);
    const r = this.operandBeside(node.right, l0);
    const l = l0 ?? this.operandBeside(node.left, r);
    const comparable =
      fits(l.type, r.type) || fits(r.type, l.type) || (isTemporal(l.type) && isTemporal(r.type));
    if (!comparable) {
      throw new FormulaError(
        `cannot compare ${this.describe(node.left, l.type)} with ${this.describe(node.right, r.type)}`,
        node.at,
      );
    }
    const op = node.op === '!=' ? '<>' : node.op;
    return { sql: `(${l.sql} ${op} ${r.sql})`, type: 'boolean' };
  }

  private operandBeside(node: FormulaNode, other: Compiled | null): Compiled {
    if (node.kind === 'string' && other && isTemporal(other.type)) {
      return this.literalAs(node.value, other.type);
    }
    return this.compile(node);
  }

  private literalAs(value: string, type: FormulaType): Compiled {
    return { sql: `TRY_CAST(${this.bind(value)} AS ${CAST_OF[type] ?? 'VARCHAR'})`, type };
  }

  private inList(node: Extract<FormulaNode, { kind: 'in' }>): Compiled {
    const value = this.compile(node.value);
    if (node.list.length === 0) throw new FormulaError('"in" needs at least one value', node.at);
    const items = node.list.map((item) => this.operandBeside(item, value));
    return {
      sql: `(${value.sql} ${node.negated ? 'NOT IN' : 'IN'} (${items.map((i) => i.sql).join(', ')}))`,
      type: 'boolean',
    };
  }

  private caseOf(node: Extract<FormulaNode, { kind: 'case' }>): Compiled {
    const parts = node.branches.map((b) => ({
      when: this.expect(b.when, 'boolean', '"when"'),
      then: this.compile(b.then),
    }));
    const otherwise = node.otherwise ? this.compile(node.otherwise) : null;
    const sql = `CASE ${parts.map((p) => `WHEN ${p.when.sql} THEN ${p.then.sql}`).join(' ')}${otherwise ? ` ELSE ${otherwise.sql}` : ''} END`;
    return {
      sql,
      type: commonType([...parts.map((p) => p.then.type), ...(otherwise ? [otherwise.type] : [])]),
    };
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>): Compiled {
    if (node.name === 'dateadd') return this.dateAdd(node);
    const fn = FUNCTIONS[node.name];
    if (!fn) throw new FormulaError(`unknown function "${node.name}"`, node.at);
    const min = fn.params.length - (fn.optional ?? 0);
    const max = fn.variadic ? Infinity : fn.params.length;
    if (node.args.length < min || node.args.length > max) {
      const count =
        min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new FormulaError(
        `${node.name}() takes ${count} arguments, not ${node.args.length}`,
        node.at,
      );
    }
    const args = node.args.map((arg, i) =>
      this.argument(node.name, arg, fn.params[Math.min(i, fn.params.length - 1)]),
    );
    const returns =
      typeof fn.returns === 'function' ? fn.returns(args.map((a) => a.type)) : fn.returns;
    return { sql: fn.sql(args.map((a) => a.sql)), type: returns };
  }

  private argument(name: string, arg: FormulaNode, kind: ArgKind): Compiled {
    if (kind === 'unit') return { sql: this.bind(this.unit(name, arg)), type: 'string' };
    if (kind === 'regex') {
      if (arg.kind !== 'string')
        throw new FormulaError(`${name}() needs a pattern in quotes`, arg.at);
      try {
        new RegExp(arg.value);
      } catch {
        throw new FormulaError(`${name}(): invalid regular expression`, arg.at);
      }
      return { sql: this.bind(arg.value), type: 'string' };
    }
    return this.expect(arg, kind, `${name}()`);
  }

  private unit(name: string, arg: FormulaNode): string {
    const value = arg.kind === 'string' ? arg.value.toLowerCase().replace(/s$/, '') : '';
    if (!(DATE_UNITS as readonly string[]).includes(value)) {
      throw new FormulaError(`${name}() needs a unit in quotes: ${DATE_UNITS.join(', ')}`, arg.at);
    }
    return value;
  }

  private dateAdd(node: Extract<FormulaNode, { kind: 'call' }>): Compiled {
    if (node.args.length !== 3)
      throw new FormulaError(`dateadd() takes 3 arguments, not ${node.args.length}`, node.at);
    const unit = this.unit('dateadd', node.args[0]);
    const n = this.expect(node.args[1], 'number', 'dateadd()');
    const date = this.expect(node.args[2], 'temporal', 'dateadd()');
    return { sql: dateAddSql(unit, n.sql, date.sql), type: 'timestamp' };
  }
}
