import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AuthContracts, type PublicKeySet } from '@hydroml/contracts';
import { SigningKeysService } from './signing-keys.service.js';

@Controller()
export class KeysHandler {
  constructor(private readonly keys: SigningKeysService) {}

  @MessagePattern(AuthContracts.publicKeys.subject)
  publicKeys(): Promise<PublicKeySet> {
    return this.keys.publicKeys();
  }
}
