import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ChangePasswordDto,
  CreateApiTokenDto,
  LoginDto,
  RegisterDto,
  UpdateProfileDto,
  type Scope,
} from '@hydroml/contracts';

@ObjectType('TokenPair')
export class TokenPairType {
  @Field() accessToken!: string;
  @Field() refreshToken!: string;
  @Field() tokenType!: string;
  @Field(() => Int) expiresIn!: number;
}

@ObjectType('ApiToken')
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [String]) scopes!: string[];
  @Field() prefix!: string;
  @Field(() => String, { nullable: true }) expiresAt!: string | null;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field() createdAt!: string;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType) token!: ApiTokenType;
  @Field({ description: 'Shown once: only its hash is stored' }) secret!: string;
}

/* Inputs extend the contract DTOs, so GraphQL validates exactly as REST does. */

@InputType()
export class RegisterInput extends RegisterDto {
  @Field() override username!: string;
  @Field() override email!: string;
  @Field() override password!: string;
  @Field({ nullable: true }) override displayName?: string;
}

@InputType()
export class LoginInput extends LoginDto {
  @Field() override login!: string;
  @Field() override password!: string;
}

@InputType()
export class UpdateProfileInput extends UpdateProfileDto {
  @Field({ nullable: true }) override displayName?: string;
  @Field({ nullable: true }) override email?: string;
}

@InputType()
export class ChangePasswordInput extends ChangePasswordDto {
  @Field() override currentPassword!: string;
  @Field() override newPassword!: string;
}

@InputType()
export class CreateApiTokenInput extends CreateApiTokenDto {
  @Field() override name!: string;
  @Field(() => [String]) override scopes!: Scope[];
  @Field({ nullable: true }) override expiresAt?: string;
}
