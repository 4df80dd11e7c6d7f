import { DomainError, type ContractError } from '@hydroml/contracts';

/** A contract error that came back from another service; it keeps the remote correlation id. */
export class RemoteError extends DomainError {
  constructor(readonly contractError: ContractError) {
    super(contractError.code, contractError.message, contractError.details);
    this.name = 'RemoteError';
  }
}
