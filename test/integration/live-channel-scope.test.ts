import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { openDatabase } from '../../platform/db/open-database.ts';
import type { Database } from '../../platform/db/database.ts';
import { Accounts } from '../../platform/auth/accounts.ts';
import { LiveChannel } from '../../web/live/live-channel.ts';
import type { Alarm } from '../../alerts/alarm-store.ts';
import { eventually } from '../support/eventually.ts';

const PW = 'Passw0rd-live';

/** Socket.IO events reach exactly the users whose scope covers the enterprise or region they concern. */
describe('live channel scoping', () => {
  let db: Database;
  let server: Server;
  let live: LiveChannel;
  const sockets: Record<string, Socket> = {};
  const received: Record<string, Array<{ event: string; payload: unknown }>> = {};
  let parkEnterprise: number;
  let countyEnterprise: number;
  let otherCountyEnterprise: number;
  let skippedTicks = 0;
  let url = '';
  let adminToken = '';

  beforeAll(async () => {
    db = await openDatabase({});
    const accounts = new Accounts(db, { sessionTtlHours: 1, passwordMaxAgeDays: 90 });
    const [{ id: parkId }] = await db.query<{ id: number }>(`insert into organizations (name, kind, region_code) values ('柳城经济开发区', 'park', '211321') returning id`);
    const ent = async (code: string, region: string, park: number | null) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code, park_id) values ($1, $1, $2, $3) returning id', [code, region, park]))[0].id;
    parkEnterprise = await ent('P1', '211321', parkId);
    countyEnterprise = await ent('C1', '211321', null);
    otherCountyEnterprise = await ent('O1', '211322', null);
    const users: Array<[string, object]> = [
      ['admin', { role: 'admin' }],
      ['province', { role: 'official', regionCode: '210000' }],
      ['city', { role: 'official', regionCode: '211300' }],
      ['county', { role: 'official', regionCode: '211321' }],
      ['park', { role: 'official', regionCode: '211321', parkId }],
      ['enterprise', { role: 'enterprise_user', enterpriseId: parkEnterprise }],
      ['jiangsu', { role: 'official', regionCode: '320000' }],
    ];
    server = createServer();
    live = new LiveChannel(server, accounts, pino({ level: 'silent' }), {
      tickMs: 20,
      parkEnterpriseIds: async (id) => (await db.query<{ id: number }>('select id from enterprises where park_id = $1', [id])).map((r) => r.id),
      onTickSkipped: () => skippedTicks++,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
    for (const [username, u] of users) {
      await accounts.createUser({ username, displayName: username, password: PW, ...(u as { role: 'admin' }) });
      const login = await accounts.login(username, PW, '127.0.0.1');
      if (!login.ok) throw new Error('login failed');
      if (username === 'admin') adminToken = login.token;
      received[username] = [];
      const s = io(url, { auth: { token: login.token }, transports: ['websocket'] });
      s.onAny((event, payload) => received[username].push({ event, payload }));
      await new Promise<void>((resolve, reject) => (s.once('connect', () => resolve()), s.once('connect_error', reject)));
      sockets[username] = s;
    }
  });
  afterAll(async () => {
    Object.values(sockets).forEach((s) => s.close());
    await live?.close();
    await new Promise((r) => server?.close(r));
    await db?.close();
  });

  const alarmFor = (id: number, enterpriseId: number, regionCode: string) =>
    ({ id, enterpriseId, regionCode, type: 'threshold', source: { kind: 'sensor', id, name: 'x' } }) as unknown as Alarm;
  const who = (predicate: (e: { event: string; payload: unknown }) => boolean) =>
    Object.keys(received).filter((u) => received[u].some(predicate)).sort();

  it('alarms, readings and status go only to users whose scope covers them', async () => {
    live.alarm({ action: 'raised', alarm: alarmFor(101, parkEnterprise, '211321') });
    live.alarm({ action: 'raised', alarm: alarmFor(102, countyEnterprise, '211321') });
    live.alarm({ action: 'raised', alarm: alarmFor(103, otherCountyEnterprise, '211322') });
    live.status({ enterpriseId: countyEnterprise, regionCode: '211321' }, { kind: 'device', id: 9, online: false });
    const alarmId = (id: number) => (e: { event: string; payload: unknown }) => e.event === 'alarm' && (e.payload as { alarm: Alarm }).alarm.id === id;
    const isStatus = (e: { event: string }) => e.event === 'status';
    // Alarms and status are reliable: wait for every expected delivery, then check nobody else got one.
    await eventually(() => who(alarmId(101)).length === 6 && who(alarmId(102)).length === 4 && who(alarmId(103)).length === 3 && who(isStatus).length === 4, 'deliveries');
    expect(who(alarmId(101))).toEqual(['admin', 'city', 'county', 'enterprise', 'park', 'province']);
    expect(who(alarmId(102))).toEqual(['admin', 'city', 'county', 'province']);
    expect(who(alarmId(103))).toEqual(['admin', 'city', 'province']);
    expect(who(isStatus)).toEqual(['admin', 'city', 'county', 'province']);

    // Readings can be skipped by a busy client, so keep sending until the entitled users have one.
    const isReading = (e: { event: string }) => e.event === 'readings';
    await eventually(() => {
      live.reading({ enterpriseId: otherCountyEnterprise, regionCode: '211322' }, { sensorId: 7, value: 1 });
      live.flush();
      return who(isReading).length >= 3;
    }, 'readings delivered');
    expect(who(isReading)).toEqual(['admin', 'city', 'province']);
    expect(received.jiangsu).toEqual([]);
  });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const inCounty = () => ({ enterpriseId: countyEnterprise, regionCode: '211321' });

  it('a tick with readings and positions delivers both', async () => {
    // Socket.IO's volatile flag dropped the second event of every tick: the wall's trucks froze while tanks reported.
    const positions = new Set<number>();
    const readings = new Set<number>();
    sockets.county.on('positions', (list: { vehicleId: number }[]) => list.forEach((p) => positions.add(p.vehicleId)));
    sockets.county.on('readings', (list: { value: number }[]) => list.forEach((r) => readings.add(r.value)));
    for (let i = 0; i < 5; i++) {
      live.reading(inCounty(), { sensorId: 8, value: i });
      live.position(500 + i, inCounty(), { vehicleId: 500 + i, lat: 41.5, lon: 120.4 });
      live.flush();
      await sleep(60);
    }
    await eventually(() => positions.size === 5 && readings.size === 5, 'every batch of both kinds');
    expect([...positions].sort()).toEqual([500, 501, 502, 503, 504]);
    expect([...readings].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('a client that stops reading skips ticks, counted, and gets the current ones when it reads again', async () => {
    const slow = io(url, { auth: { token: adminToken }, transports: ['websocket'] });
    await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
    const got: number[] = [];
    slow.on('positions', (list: { vehicleId: number; tick: number }[]) => got.push(list[0].tick));
    // The client's TCP socket stops reading: the server's writes back up once the kernel buffers are full.
    const tcp = (slow.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    tcp.pause();
    const plate = '辽'.repeat(40);
    const skippedBefore = skippedTicks;
    let tick = 0;
    const batch = () => {
      tick++;
      for (let v = 0; v < 2000; v++) live.position(10_000 + v, inCounty(), { vehicleId: 10_000 + v, tick, plate });
      live.flush();
    };
    for (let i = 0; i < 200 && skippedTicks === skippedBefore; i++) {
      batch();
      await sleep(30);
    }
    expect(skippedTicks).toBeGreaterThan(skippedBefore);
    const skippedAt = tick;
    tcp.resume();
    // Once it has read what was queued, it is sent the ticks after.
    await eventually(() => {
      batch();
      return got.some((t) => t > skippedAt) ? true : undefined;
    }, 'current ticks again');
    // The skipped ticks were never sent to it: the ticks it received have a gap.
    expect(got.length).toBeLessThan(tick);
    slow.close();
  });
});
