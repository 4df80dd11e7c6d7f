import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  CreateConnectionDto,
  ImportDto,
  type ConnectionType,
  type SslMode,
} from '@hydroml/contracts';

@ObjectType('Connection')
export class ConnectionType_ {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String) type!: ConnectionType;
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field() database!: string;
  @Field() user!: string;
  @Field(() => String) sslMode!: SslMode;
  @Field({ description: 'Whether a password is stored (it is never returned)' })
  hasPassword!: boolean;
  @Field(() => ID) ownerId!: string;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType('ConnectionFailure')
export class ConnectionFailureType {
  @Field() kind!: string;
  @Field() message!: string;
}

@ObjectType('ConnectionTest')
export class ConnectionTestType {
  @Field() ok!: boolean;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) serverVersion?: string;
  @Field(() => ConnectionFailureType, { nullable: true }) failure?: ConnectionFailureType;
}

@ObjectType('ConnectionTable')
export class TableSummaryType {
  @Field() schema!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field(() => Float, { nullable: true }) estimatedRows!: number | null;
}

@ObjectType('ConnectionPreview')
export class ConnectionPreviewType {
  @Field(() => [String]) columns!: string[];
  @Field({ description: 'The rows as a JSON array of arrays' }) rowsJson!: string;
  @Field() truncated!: boolean;
}

/** A PostgreSQL or MySQL/MariaDB connection (SQLite files are uploaded over REST multipart). */
@InputType()
export class CreateConnectionInput extends CreateConnectionDto {
  @Field() override name!: string;
  @Field(() => String) override type!: ConnectionType;
  @Field() override host!: string;
  @Field(() => Int, { nullable: true }) override port?: number;
  @Field() override database!: string;
  @Field() override user!: string;
  @Field({ nullable: true }) override password?: string;
  @Field(() => String, { nullable: true }) override sslMode?: SslMode;
  @Field({ nullable: true }) override sslCa?: string;
}

/** `id` is the connection's. */
@InputType()
export class ImportInput extends ImportDto {
  @Field(() => ID) override id!: string;
  @Field({ nullable: true }) override table?: string;
  @Field({ nullable: true }) override query?: string;
  @Field(() => ID, { nullable: true }) override projectId?: string;
  @Field({ nullable: true }) override name?: string;
  @Field(() => ID, { nullable: true }) override dataSourceId?: string;
  @Field({ nullable: true }) override incrementalColumn?: string;
}
