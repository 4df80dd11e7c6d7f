import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DB } from './db.js';
import { ServiceKitModule } from '@hydroml/nest-kit';
import { AuthEnv } from './auth-env.js';
import { PasswordHasher } from './crypto/password-hasher.js';
import { KeysHandler } from './keys/keys.handler.js';
import { SigningKeyEntity } from './keys/persistence/signing-key.entity.js';
import { SigningKeysService } from './keys/signing-keys.service.js';
import { InitAuth1764300000000 } from './migrations/1764300000000-init-auth.js';
import { RefreshTokenEntity } from './sessions/persistence/refresh-token.entity.js';
import { TokenFamilyEntity } from './sessions/persistence/token-family.entity.js';
import { SessionsHandler } from './sessions/sessions.handler.js';
import { SessionsService } from './sessions/sessions.service.js';
import { ApiTokenEntity } from './tokens/persistence/api-token.entity.js';
import { TokensHandler } from './tokens/tokens.handler.js';
import { TokensService } from './tokens/tokens.service.js';
import { UserEntity } from './users/persistence/user.entity.js';
import { UsersHandler } from './users/users.handler.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

const ENTITIES = [
  UserEntity,
  TokenFamilyEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
  ApiTokenEntity,
];

@Module({})
export class AppModule {
  static forRoot(env: AuthEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forService({
          service: 'auth',
          env,
          entities: ENTITIES,
          migrations: [InitAuth1764300000000],
        }),
        TypeOrmModule.forFeature(ENTITIES, DB),
      ],
      controllers: [UsersHandler, SessionsHandler, KeysHandler, TokensHandler],
      providers: [
        PasswordHasher,
        UsersRepository,
        UsersService,
        SessionsService,
        SigningKeysService,
        TokensService,
      ],
    };
  }
}
