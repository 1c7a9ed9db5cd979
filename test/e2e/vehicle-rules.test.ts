import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { SimulatedTerminal, type FixInput } from '../../device-simulator/jt808-terminal.ts';
import { shanghaiClock, shanghaiDate } from '../../platform/time/shanghai-calendar.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Alarm = { id: number; type: string; active: boolean; severity: string; message: string; source: { kind: string; id: number } };

/**
 * Platform-computed vehicle rules over real JT/T 808 sockets against the whole system. Durations run on the device
 * time the simulated terminals send, so four hours of driving take a few hundred frames, not four hours.
 */
describe('vehicle rules end to end', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let socket: Socket;
  let enterpriseId: number;
  const socketAlarms: Array<{ action: string; alarm: Alarm }> = [];
  const terminals: SimulatedTerminal[] = [];
  const vehicles: Record<string, number> = {};
  // The Monday noon in Shanghai of the week before this one: device times are history, rules run on them.
  const today = shanghaiClock(Date.now());
  const MONDAY_NOON = Date.parse(`${shanghaiDate(Date.parse(`${today.date}T12:00:00+08:00`), 1 - today.day - 7)}T12:00:00+08:00`);
  const MIN = 60_000;

  const alarmsOf = async (vehicle: string) =>
    ((await api.call('GET', '/api/alarms?state=all&limit=500')).body.items as Alarm[]).filter((a) => a.source.kind === 'vehicle' && a.source.id === vehicles[vehicle]);
  const openTypes = async (vehicle: string) => (await alarmsOf(vehicle)).filter((a) => a.active).map((a) => a.type).sort();

  async function truck(name: string, phone: string, extra: object = {}): Promise<SimulatedTerminal> {
    const v = await api.call('POST', '/api/vehicles', { plate: `苏A·R${phone.slice(-4)}`, enterpriseId, terminalPhone: phone, ...extra });
    expect(v.status).toBe(201);
    vehicles[name] = v.body.id;
    const t = new SimulatedTerminal(phone, v.body.plate);
    terminals.push(t);
    await t.connect(sys.ports.jt808);
    expect(await t.register()).toBe(0);
    expect(await t.authenticate()).toBe(0);
    return t;
  }
  const at = (start: number, minutes: number, fix: Omit<FixInput, 'time' | 'direction'>): FixInput => ({ direction: 90, ...fix, time: new Date(start + minutes * MIN) });

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const e = await api.call('POST', '/api/enterprises', { code: '91320116MA1RULE01X', name: '规则测试危运有限公司', regionCode: '320116' });
    expect(e.status).toBe(201);
    enterpriseId = e.body.id;
    socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
    socket.on('alarm', (change) => socketAlarms.push(change));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  });

  afterAll(async () => {
    for (const t of terminals) t.close();
    socket?.close();
    await sys?.dispose();
  });

  it('fatigue: four hours of driving with only a 19-minute stop raises; the same day with a 20-minute stop does not', async () => {
    const tired = await truck('tired', '13900000101');
    const rested = await truck('rested', '13900000102');
    const pos = { lat: 32.05, lon: 118.78 };
    // 3 h 40 min driving, a stop, then 30 min more: 4 h 10 min of driving in all
    const schedule = (stopMin: number) => [
      ...Array.from({ length: 44 }, (_, i) => ({ m: i * 5, speedKmh: 60 })),
      ...Array.from({ length: stopMin }, (_, i) => ({ m: 220 + i, speedKmh: 0 })), // stopped from 220 until it moves again
      ...Array.from({ length: 7 }, (_, i) => ({ m: 220 + stopMin + i * 5, speedKmh: 60 })),
    ];
    for (const { m, speedKmh } of schedule(19)) expect(await tired.report(at(MONDAY_NOON - 6 * 3600_000, m, { ...pos, speedKmh }))).toBe(0);
    for (const { m, speedKmh } of schedule(20)) expect(await rested.report(at(MONDAY_NOON - 6 * 3600_000, m, { ...pos, speedKmh }))).toBe(0);
    await sys.alarmsSettled();
    const alarm = await eventually(async () => (await alarmsOf('tired')).find((a) => a.type === 'fatigue_continuous'), 'fatigue alarm');
    expect(alarm).toMatchObject({ active: true, severity: 'major' });
    expect(alarm.message).toContain('疲劳驾驶');
    expect(await openTypes('rested')).toEqual([]);
  });

  it('overspeed: the vehicle limit from the registry, sustained for the rule time; a vehicle rule edited through the API changes it', async () => {
    const slow = await truck('slow', '13900000103', { speedLimitKmh: 50 });
    const start = MONDAY_NOON;
    const pos = { lat: 32.2, lon: 118.9 };
    let round = 0;
    await eventually(async () => {
      // until the engine has reloaded the vehicle's limit: 55 km/h for 10 s is over 50 but under the 60 default
      const s = start + round++ * MIN;
      for (const sec of [0, 5, 11]) await slow.report({ ...pos, speedKmh: 55, direction: 0, time: new Date(s + sec * 1000) });
      await sys.alarmsSettled();
      return (await openTypes('slow')).includes('overspeed');
    }, 'overspeed over the vehicle limit');
    const raised = (await alarmsOf('slow')).find((a) => a.type === 'overspeed')!;
    expect(raised.message).toContain('限速 50 km/h');
    await eventually(() => socketAlarms.find((c) => c.action === 'raised' && c.alarm.id === raised.id), 'overspeed on Socket.IO');

    const fast = await truck('fast', '13900000104');
    const rule = await api.call('POST', '/api/alarm-rules', { kind: 'overspeed', name: '单车持续 30 秒', source: { kind: 'vehicle', id: vehicles.fast }, params: { sustainS: 30 } });
    expect(rule.status).toBe(201); // in force once the call returns
    for (const sec of [0, 10, 20]) await fast.report({ ...pos, speedKmh: 75, direction: 0, time: new Date(start + sec * 1000) });
    await sys.alarmsSettled();
    expect(await openTypes('fast')).toEqual([]); // a delay not reached raises nothing
    await fast.report({ ...pos, speedKmh: 75, direction: 0, time: new Date(start + 30_000) });
    await sys.alarmsSettled();
    expect(await openTypes('fast')).toEqual(['overspeed']);
    await fast.report({ ...pos, speedKmh: 40, direction: 0, time: new Date(start + 40_000) });
    await sys.alarmsSettled();
    expect(await openTypes('fast')).toEqual([]);
  });

  it('geofences: a forbidden zone inside its Shanghai time window raises, outside it does not; re-uploaded points inside raise nothing', async () => {
    const square = (x: number, y: number): [number, number][] => [[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02]];
    const noon = shanghaiClock(MONDAY_NOON);
    const fence = (code: string, x: number, days: number[]) =>
      api.call('POST', '/api/geofences', {
        regionCode: '320116', code, name: `禁入区${code}`, shape: 'polygon', geometry: { type: 'polygon', coordinates: square(x, 31.5) },
        rule: 'forbidden', timeWindows: [{ days, from: '08:00', to: '18:00' }],
      });
    expect((await fence('GF-IN', 119.0, [noon.day])).status).toBe(201);
    expect((await fence('GF-OFF', 119.2, [noon.day === 7 ? 1 : noon.day + 1])).status).toBe(201);
    const intruder = await truck('intruder', '13900000105');
    const offWindow = await truck('offWindow', '13900000106');
    const blind = await truck('blind', '13900000107');

    let round = 0;
    await eventually(async () => {
      const s = MONDAY_NOON + round++ * 1000;
      await intruder.report({ lat: 31.51, lon: 119.01, speedKmh: 30, direction: 0, time: new Date(s) });
      await sys.alarmsSettled();
      return (await openTypes('intruder')).includes('geofence_forbidden');
    }, 'forbidden zone alarm once the index holds the new fences');
    expect((await alarmsOf('intruder')).find((a) => a.type === 'geofence_forbidden')!.message).toContain('禁入区GF-IN');

    await offWindow.report({ lat: 31.51, lon: 119.21, speedKmh: 30, direction: 0, time: new Date(MONDAY_NOON) });
    // re-uploads: inside the zone, speeding and stopped for an hour — history only
    const old = Array.from({ length: 5 }, (_, i) => ({ lat: 31.51, lon: 119.01, speedKmh: i < 3 ? 120 : 0, direction: 0, time: new Date(MONDAY_NOON + i * 15 * MIN), sos: false }));
    expect(await blind.reportBatch(old, 1)).toBe(0);
    await sys.alarmsSettled();
    expect(await openTypes('offWindow')).toEqual([]);
    expect(await alarmsOf('blind')).toEqual([]);
  });

  it('offline: a vehicle silent past its rule timeout raises on the sweep and clears when it reports again', async () => {
    const quiet = await truck('quiet', '13900000108');
    expect((await api.call('POST', '/api/alarm-rules', { kind: 'offline', name: '单车离线 1 秒', source: { kind: 'vehicle', id: vehicles.quiet }, params: { timeoutS: 1 } })).status).toBe(201);
    await quiet.report({ lat: 32.3, lon: 118.5, speedKmh: 0, direction: 0 });
    const alarm = await eventually(async () => (await alarmsOf('quiet')).find((a) => a.type === 'offline' && a.active), 'offline alarm');
    expect(alarm.message).toContain('离线');
    await quiet.report({ lat: 32.3, lon: 118.5, speedKmh: 0, direction: 0 });
    await eventually(async () => !(await openTypes('quiet')).includes('offline'), 'offline cleared');
  });
});
