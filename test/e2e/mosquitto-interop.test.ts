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
    // 'close', not 'exit': the last output may still be on its way when the process has exited.
    const exited = new Promise<number | null>((resolve) => sub.on('close', resolve));
    // Wait until the subscription is live: keep publishing the bad message until mosquitto_sub prints it.
    await eventually(async () => {
      await run('mosquitto_pub', [...auth(sys.ports.mqtt), '-q', '1', '-t', 'devices/GW-HDSH-01/telemetry', '-m', '{"sensor":"NOPE","value":1}']);
      return out.length > 0;
    }, 'mosquitto_sub output');
    expect(await exited).toBe(0);
    expect(out).toMatch(/^devices\/GW-HDSH-01\/errors \{.*"error":"unknown_sensor"/);
  });

  it('mosquitto_pub converts a reading sent in another unit (given as a URL with -L), keeping the gateway time', async () => {
    const ts = Date.now() + 120_000; // ahead of the simulator's readings, so it stays the current value
    const url = `mqtt://GW-HDSH-01:demo-HDSH-secret-01@127.0.0.1:${sys.ports.mqtt}/devices/GW-HDSH-01/telemetry`;
    await run('mosquitto_pub', ['-L', url, '-q', '1', '-m', JSON.stringify({ sensor: 'HDSH-T101-TT', value: 295.15, unit: 'K', ts })]);
    const res = await api.call('GET', '/api/monitor/tanks');
    const sensors = (res.body.items ?? res.body).flatMap((t: { sensors: Array<{ code: string }> }) => t.sensors);
    expect(sensors.find((x: { code: string }) => x.code === 'HDSH-T101-TT')).toMatchObject({ value: 22, ts: new Date(ts).toISOString() });
  });

  it("a gateway's last will set with mosquitto_pub reaches mosquitto_sub when the gateway drops, and a retained status is kept", async () => {
    await run('mosquitto_pub', [...auth(sys.ports.mqtt), '-q', '1', '-r', '-t', 'devices/GW-HDSH-01/status', '-m', 'online']);
    const sub = spawn('mosquitto_sub', [...auth(sys.ports.mqtt), '-i', 'status-watcher', '-t', 'devices/GW-HDSH-01/status', '-C', '3', '-W', '20']);
    let out = '';
    sub.stdout.on('data', (d) => (out += d));
    // 'close', not 'exit': the last output may still be on its way when the process has exited.
    const exited = new Promise<number | null>((resolve) => sub.on('close', resolve));
    await eventually(() => out.includes('online'), 'retained status');
    // -l keeps mosquitto_pub connected, reading stdin; SIGKILL drops it without a DISCONNECT, so the broker sends the will.
    // It publishes each stdin line: seeing 'up' proves it is connected before it is killed.
    const gw = spawn('mosquitto_pub', [...auth(sys.ports.mqtt), '-i', 'will-gateway', '-t', 'devices/GW-HDSH-01/status', '-l', '--will-topic', 'devices/GW-HDSH-01/status', '--will-payload', 'offline', '--will-qos', '1']);
    gw.stdin.write('up\n');
    await eventually(() => out.includes('up'), 'will gateway connected');
    gw.kill('SIGKILL');
    expect(await exited).toBe(0);
    expect(out.split('\n').filter(Boolean)).toEqual(['online', 'up', 'offline']);
  });

  it('mosquitto_pub without credentials is refused', async () => {
    const result = await run('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(sys.ports.mqtt), '-t', 'devices/GW-HDSH-01/telemetry', '-m', '{}']).catch((err) => err);
    expect(result).toBeInstanceOf(Error);
    expect(String(result.stderr)).toMatch(/not authori[sz]ed/i);
  });
});
