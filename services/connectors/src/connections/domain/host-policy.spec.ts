import { DomainError } from '@hydroml/contracts';
import { HostPolicy } from './host-policy.js';

async function kindOf(policy: HostPolicy, host: string): Promise<string> {
  try {
    await policy.assertAllowed(host);
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? String(error.details?.kind) : 'crash';
  }
}

describe('outbound host policy', () => {
  it('refuses link-local and cloud-metadata addresses by default', async () => {
    const policy = new HostPolicy('', '');
    expect(await kindOf(policy, '169.254.169.254')).toBe('blocked');
    expect(await kindOf(policy, 'fd00:ec2::254')).toBe('blocked');
    expect(await kindOf(policy, '127.0.0.1')).toBe('allowed');
    expect(await kindOf(policy, 'localhost')).toBe('allowed');
  });

  it('applies the configured deny and allow lists to resolved addresses', async () => {
    expect(await kindOf(new HostPolicy('127.0.0.0/8', ''), 'localhost')).toBe('blocked');
    const onlyPrivate = new HostPolicy('', '10.0.0.0/8,db.internal');
    expect(await kindOf(onlyPrivate, '10.1.2.3')).toBe('allowed');
    expect(await kindOf(onlyPrivate, '127.0.0.1')).toBe('blocked');
    expect(await kindOf(new HostPolicy('', ''), 'no-such-host.invalid')).toBe('dns');
  });
});
