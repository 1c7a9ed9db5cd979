import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a webhook must not reach: this host, private and shared networks, link-local, multicast, reserved. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
// IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are matched against the IPv4 subnets by BlockList itself.
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export const isBlockedAddress = (address: string): boolean => {
  const family = isIP(address);
  return family !== 0 && blocked.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;
const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();
const refusalText = (address: string) =>
  `通知地址不能指向本机、内网、链路本地或组播地址（${address}）；确需使用请将该主机加入 NOTIFY_WEBHOOK_ALLOW_HOSTS`;

/**
 * Which webhook targets may be used: none on a blocked address unless the host is in the allow-list. Checked when a
 * subscription is saved, and again on every connection, on the address actually connected to (DNS may change).
 */
export class WebhookTargetPolicy {
  private readonly allowHosts: Set<string>;

  constructor(allowHosts: readonly string[] = [], private readonly resolve: ResolveAll = resolveAll) {
    this.allowHosts = new Set(allowHosts.map(bare));
  }

  allows(hostname: string): boolean {
    return this.allowHosts.has(bare(hostname));
  }

  /** Why a target URL is refused (Chinese, for the 400 answer), or null when it may be used. */
  async refusal(target: string): Promise<string | null> {
    const host = bare(new URL(target).hostname);
    if (this.allows(host)) return null;
    if (isIP(host)) return isBlockedAddress(host) ? refusalText(host) : null;
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch {
      return `无法解析主机名 ${host}`;
    }
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    return bad ? refusalText(`${host} → ${bad.address}`) : null;
  }

  /** A `lookup` for http.request that fails when the name resolves to a blocked address. */
  readonly connectLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const bad = addresses.find((a) => isBlockedAddress(a.address));
      if (bad) return callback(new Error(`webhook host ${hostname} resolves to blocked address ${bad.address}`), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
