import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookTargetPolicy } from '../../../alerts/notifications/webhook-target.ts';
import { WebhookChannel } from '../../../alerts/notifications/webhook-channel.ts';
import type { AlarmNotification } from '../../../alerts/notifications/notification-channel.ts';

const names: Record<string, string[]> = {
  'hooks.example.com': ['203.0.113.10'],
  'intranet.example.com': ['203.0.113.11', '10.20.30.40'],
  'rebind.example.com': ['::1'],
};
const resolve = async (host: string) => {
  const addresses = names[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('webhook target policy at configuration time', () => {
  const policy = new WebhookTargetPolicy([], resolve);

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://127.8.9.10/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://224.0.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[ff02::1]/',
    'http://[::ffff:127.0.0.1]/',
  ])('refuses %s', async (target) => {
    expect(await policy.refusal(target)).toMatch(/^通知地址不能指向本机、内网、链路本地或组播地址.*NOTIFY_WEBHOOK_ALLOW_HOSTS$/);
  });

  it('accepts public addresses and names that resolve only to public addresses', async () => {
    expect(await policy.refusal('https://203.0.113.5/hook')).toBeNull();
    expect(await policy.refusal('https://[2001:db8::5]/hook')).toBeNull();
    expect(await policy.refusal('https://hooks.example.com/alarm')).toBeNull();
  });

  it('refuses a name when any of its addresses is blocked, and a name that does not resolve', async () => {
    expect(await policy.refusal('https://intranet.example.com/')).toContain('intranet.example.com → 10.20.30.40');
    expect(await policy.refusal('https://nowhere.example.com/')).toBe('无法解析主机名 nowhere.example.com');
  });

  it('accepts blocked addresses and names of allow-listed hosts, and nothing else on them', async () => {
    const allowing = new WebhookTargetPolicy(['127.0.0.1', 'Intranet.Example.com', '[::1]'], resolve);
    expect(await allowing.refusal('http://127.0.0.1:9000/hook')).toBeNull();
    expect(await allowing.refusal('http://intranet.example.com/')).toBeNull();
    expect(await allowing.refusal('http://[::1]:9000/')).toBeNull();
    expect(await allowing.refusal('http://10.0.0.1/')).not.toBeNull();
  });
});

describe('webhook delivery', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];
  const notification = { event: 'raised', cursor: 1, at: '2026-01-01T00:00:00.000Z', text: '【危化监测】', alarm: {} } as unknown as AlarmNotification;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.url!);
      if (req.url === '/moved') res.writeHead(302, { location: 'http://169.254.169.254/' });
      res.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  it('delivers to an allow-listed loopback host', async () => {
    await new WebhookChannel(new WebhookTargetPolicy(['127.0.0.1'])).send(`http://127.0.0.1:${port}/ok`, notification);
    expect(received).toContain('/ok');
  });

  it('refuses a blocked address at send time without connecting, also when a name resolves to it then', async () => {
    const channel = new WebhookChannel();
    await expect(channel.send(`http://127.0.0.1:${port}/literal`, notification)).rejects.toThrow('webhook target 127.0.0.1 is a blocked address');
    // localhost stands in for a name that passed the check when saved and now resolves to a loopback address.
    await expect(channel.send(`http://localhost:${port}/by-name`, notification)).rejects.toThrow(/webhook host localhost resolves to blocked address/);
    expect(received).not.toContain('/literal');
    expect(received).not.toContain('/by-name');
  });

  it('does not follow a redirect', async () => {
    await expect(new WebhookChannel(new WebhookTargetPolicy(['127.0.0.1'])).send(`http://127.0.0.1:${port}/moved`, notification)).rejects.toThrow(
      'webhook answered 302',
    );
  });
});
