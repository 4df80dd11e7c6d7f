import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '@hydroml/contracts';

/** Link-local (incl. the cloud metadata address 169.254.169.254) and AWS's IPv6 metadata address. */
const ALWAYS_DENIED = ['169.254.0.0/16', 'fe80::/10', 'fd00:ec2::254/128'];

function addRule(list: BlockList, rule: string): void {
  const [address, bits] = rule.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(bits), family);
}

function parseRules(spec: string): { addresses: string[]; names: string[] } {
  const items = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    addresses: items.filter((i) => isIP(i.split('/')[0]) !== 0),
    names: items.filter((i) => isIP(i.split('/')[0]) === 0).map((n) => n.toLowerCase()),
  };
}

/** Where connections may go: checked on the resolved addresses, so DNS cannot route around it. */
export class HostPolicy {
  private readonly deny = new BlockList();
  private readonly allow = new BlockList();
  private readonly denyNames: string[];
  private readonly allowNames: string[];
  private readonly allowAll: boolean;

  constructor(denySpec: string, allowSpec: string) {
    const denied = parseRules(denySpec);
    const allowed = parseRules(allowSpec);
    for (const rule of [...ALWAYS_DENIED, ...denied.addresses]) addRule(this.deny, rule);
    for (const rule of allowed.addresses) addRule(this.allow, rule);
    this.denyNames = denied.names;
    this.allowNames = allowed.names;
    this.allowAll = allowed.addresses.length === 0 && allowed.names.length === 0;
  }

  async assertAllowed(host: string): Promise<void> {
    const name = host.toLowerCase();
    const addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await this.resolve(host);
    if (this.denyNames.includes(name)) this.refuse(host);
    for (const { address, family } of addresses) {
      const kind = family === 6 ? 'ipv6' : 'ipv4';
      if (this.deny.check(address, kind)) this.refuse(host);
      if (!this.allowAll && !this.allowNames.includes(name) && !this.allow.check(address, kind))
        this.refuse(host);
    }
  }

  private async resolve(host: string): Promise<Array<{ address: string; family: number }>> {
    try {
      return await lookup(host, { all: true });
    } catch {
      throw new DomainError('failed_precondition', `host '${host}' could not be resolved`, {
        kind: 'dns',
      });
    }
  }

  private refuse(host: string): never {
    throw new DomainError('permission_denied', `connections to '${host}' are not allowed here`, {
      kind: 'blocked',
    });
  }
}
