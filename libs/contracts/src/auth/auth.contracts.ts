import type { Principal } from '../call-context.js';
import { contract, EmptyDto, event, type Ok } from '../contract.js';
import {
  ChangePasswordDto,
  CreateApiTokenDto,
  LoginDto,
  LookupUsersDto,
  RefreshDto,
  RegisterDto,
  ResolveUserDto,
  TokenIdDto,
  UpdateProfileDto,
  VerifyApiTokenDto,
} from './auth.dto.js';
import type {
  ApiTokenView,
  CreatedApiToken,
  PublicKeySet,
  TokenPair,
  UserSummary,
  UserView,
} from './auth.views.js';

export const AuthContracts = {
  register: contract<RegisterDto, UserView>('auth.users.register', RegisterDto),
  login: contract<LoginDto, TokenPair>('auth.sessions.login', LoginDto),
  refresh: contract<RefreshDto, TokenPair>('auth.sessions.refresh', RefreshDto),
  logout: contract<RefreshDto, Ok>('auth.sessions.logout', RefreshDto),
  me: contract<EmptyDto, UserView>('auth.users.me', EmptyDto),
  updateProfile: contract<UpdateProfileDto, UserView>('auth.users.update', UpdateProfileDto),
  changePassword: contract<ChangePasswordDto, Ok>('auth.users.change-password', ChangePasswordDto),
  resolveUser: contract<ResolveUserDto, UserSummary>('auth.users.resolve', ResolveUserDto),
  lookupUsers: contract<LookupUsersDto, UserSummary[]>('auth.users.lookup', LookupUsersDto),
  publicKeys: contract<EmptyDto, PublicKeySet>('auth.keys.list', EmptyDto),
  createToken: contract<CreateApiTokenDto, CreatedApiToken>(
    'auth.tokens.create',
    CreateApiTokenDto,
  ),
  listTokens: contract<EmptyDto, ApiTokenView[]>('auth.tokens.list', EmptyDto),
  revokeToken: contract<TokenIdDto, Ok>('auth.tokens.revoke', TokenIdDto),
  verifyToken: contract<VerifyApiTokenDto, Principal>('auth.tokens.verify', VerifyApiTokenDto),
} as const;

export interface UserRegisteredV1 {
  userId: string;
  username: string;
  email: string;
}

export interface SigningKeyRotatedV1 {
  kid: string;
}

export interface ApiTokenRevokedV1 {
  tokenId: string;
}

export const AuthEvents = {
  userRegistered: event<UserRegisteredV1>('auth.users.registered.v1'),
  apiTokenRevoked: event<ApiTokenRevokedV1>('auth.tokens.revoked.v1'),
  signingKeyRotated: event<SigningKeyRotatedV1>('auth.keys.rotated.v1'),
} as const;
