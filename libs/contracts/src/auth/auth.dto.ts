import {
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SCOPES, type Scope } from '../call-context.js';

export const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,31}$/;

export class RegisterDto {
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 3-32 characters: letters, digits, "_", "." or "-"',
  })
  username!: string;

  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  /** Checked against the password policy by the auth service (the error names the rule). */
  @IsString()
  @MaxLength(256)
  password!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;
}

export class LoginDto {
  /** Username or email. */
  @IsString()
  @Length(1, 254)
  login!: string;

  @IsString()
  @MaxLength(256)
  password!: string;
}

export class RefreshDto {
  @IsString()
  @Length(20, 512)
  refreshToken!: string;
}

export class UpdateProfileDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

export class CreateApiTokenDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(SCOPES, { each: true })
  scopes!: Scope[];

  @IsOptional()
  @IsISO8601()
  expiresAt?: string;
}

export class TokenIdDto {
  @IsUUID()
  id!: string;
}

export class VerifyApiTokenDto {
  @IsString()
  @MinLength(10)
  @MaxLength(512)
  secret!: string;
}

export class ResolveUserDto {
  /** Username or email. */
  @IsString()
  @Length(1, 254)
  login!: string;
}

export class LookupUsersDto {
  @IsArray()
  @IsUUID('all', { each: true })
  ids!: string[];
}
