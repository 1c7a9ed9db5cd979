import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

const run = promisify(execFile);
type System = Awaited<ReturnType<typeof startTestSystem>>;

/** The README's mosquitto_pub / mosquitto_sub lines, run against the demo park exactly as documented (ports aside). */
describe('Debian mosquitto-clients against our broker', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    sys = await startTestSystem({ DEMO: 'true' });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  const auth = (port: number) => ['-h', '127.0.0.1', '-p', String(port), '-u', 'GW-HDSH-01', '-P', 'demo-HDSH-secret-01'];

  it('mosquitto_pub with credentials publishes a reading that raises the documented alarm', async () => {
    await run('mosquitto_pub', [...auth(sys.ports.mqtt), '-q', '1', '-t', 'devices/GW-HDSH-01/telemetry', '-m', '{"readings":[{"sensor":"HDSH-T101-LT","value":16.2}]}']);
    const alarm = await eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { source: { name: string }; value: number }) => a.source.name === '1#甲醇储罐·液位' && a.value === 16.2);
    }, 'alarm from mosquitto_pub');
    expect(alarm).toMatchObject({ type: 'threshold', level: 'high', active: true });
  });

  it('mosquitto_sub on the errors topic prints the reason for a rejected message', async () => {
    const sub = spawn('mosquitto_sub', [...auth(sys.ports.mqtt), '-t', 'devices/GW-HDSH-01/errors', '-v', '-C', '1', '-W', '20']);
    let out = '';
    sub.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => sub.on('exit', resolve));
    // Wait until the subscription is live: keep publishing the bad message until mosquitto_sub prints it.
    await eventually(async () => {
      await run('mosquitto_pub', [...auth(sys.ports.mqtt), '-q', '1', '-t', 'devices/GW-HDSH-01/telemetry', '-m', '{"sensor":"NOPE","value":1}']);
      return out.length > 0;
    }, 'mosquitto_sub output');
    expect(await exited).toBe(0);
    expect(out).toMatch(/^devices\/GW-HDSH-01\/errors \{.*"error":"unknown_sensor"/);
  });

  it('mosquitto_pub without credentials is refused', async () => {
    const result = await run('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(sys.ports.mqtt), '-t', 'devices/GW-HDSH-01/telemetry', '-m', '{}']).catch((err) => err);
    expect(result).toBeInstanceOf(Error);
    expect(String(result.stderr)).toMatch(/not authori[sz]ed/i);
  });
});
