import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.VARIABLE:
      throw new TypeError('variables are not supported inside StudioJSON literals');
  }
}

/** Free-form JSON (grid requests, rows, chart data): its shape is checked by the service. */
export const StudioJSON = new GraphQLScalarType({
  name: 'StudioJSON',
  description: 'Any JSON value (AG Grid requests and rows, chart data).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});

@ObjectType('GridRows')
export class GridRowsType {
  @Field(() => StudioJSON)
  rowData!: unknown;

  @Field(() => Int)
  rowCount!: number;
}

@ObjectType('ColumnValues')
export class ColumnValuesType {
  @Field(() => [String], { nullable: 'items' })
  values!: Array<string | null>;

  @Field(() => [Float])
  counts!: number[];

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => Int)
  limit!: number;
}

@ObjectType('SqlResult')
export class SqlResultType {
  @Field(() => StudioJSON)
  columns!: unknown;

  @Field(() => StudioJSON)
  rows!: unknown;

  @Field(() => Int)
  rowCount!: number;

  @Field(() => Boolean)
  truncated!: boolean;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType('SqlHistoryEntry')
export class SqlHistoryEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sql!: string;

  @Field(() => ID, { nullable: true })
  dataSourceId!: string | null;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => ID, { nullable: true })
  sessionId!: string | null;

  @Field(() => String)
  status!: string;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int, { nullable: true })
  rowCount!: number | null;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String)
  createdAt!: string;
}
