import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { AlarmStore } from '../../alerts/alarm-store.ts';
import { testDatabases } from '../support/test-databases.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';

const PW = 'Passw0rd-test';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** 处置反馈 attachments through inject(): accepted types, size limit, scope, download. */
describe.each(testDatabases)('alarm attachments on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let alarms: AlarmStore;
  let dataDir: string;
  let t: Record<string, string>;
  let alarmId: number;

  const upload = (as: string, id: number, body: Buffer, type: string, name = '现场照片.png') =>
    app.inject({ method: 'POST', url: `/api/alarms/${id}/attachments`, payload: body, headers: { authorization: `Bearer ${t[as]}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) } });

  beforeAll(async () => {
    db = await kind.open();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-att-'));
    let accounts;
    ({ app, accounts, alarms } = await buildTestApp(db, { dataDir }));
    const ent = async (code: string, region: string) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code) values ($1, $2, $3) returning id', [code, `企业${code}`, region]))[0].id;
    const mine = await ent('91211321MA0000002B', '211321');
    const other = await ent('91211322MA0000003C', '211322');
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    await accounts.createUser({ username: 'ent', displayName: '企业值班', password: PW, role: 'enterprise_user', enterpriseId: mine });
    await accounts.createUser({ username: 'other', displayName: '他企值班', password: PW, role: 'enterprise_user', enterpriseId: other });
    t = await loginAll(app, { admin: PW, ent: PW, other: PW });
    const change = await alarms.apply({
      action: 'raise', type: 'threshold', level: 'high', severity: 'major', value: 11, at: new Date(), message: '液位高报',
      source: { kind: 'sensor', id: 7, name: '1#罐·液位', enterpriseId: mine, regionCode: '211321' },
    });
    alarmId = change!.alarm.id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a PNG under the alarm and serves the same bytes, in scope only', async () => {
    const res = await upload('ent', alarmId, PNG, 'image/png');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: '现场照片.png', url: `/api/alarms/${alarmId}/attachments/${body.id}.png` });
    expect(await readdir(path.join(dataDir, 'attachments', String(alarmId)))).toContain(`${body.id}.png`);

    const got = await app.inject({ method: 'GET', url: body.url, headers: { authorization: `Bearer ${t.ent}` } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);

    expect((await app.inject({ method: 'GET', url: body.url, headers: { authorization: `Bearer ${t.other}` } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: body.url })).statusCode).toBe(401);
    expect((await upload('other', alarmId, PNG, 'image/png')).statusCode).toBe(404);
    expect((await upload('admin', 999999, PNG, 'image/png')).statusCode).toBe(404);
    const missing = await app.inject({ method: 'GET', url: `/api/alarms/${alarmId}/attachments/00000000-0000-0000-0000-000000000000.png`, headers: { authorization: `Bearer ${t.admin}` } });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses other types with 415 and files over 10 MiB with 413, in Chinese', async () => {
    for (const type of ['text/html', 'application/json', 'image/gif', 'application/octet-stream']) {
      const res = await upload('admin', alarmId, Buffer.from('<b>x</b>'), type, 'a.html');
      expect(res.statusCode, type).toBe(415);
      expect(res.json().message).toMatch(/JPG、PNG 图片或 PDF/);
    }
    const big = await upload('admin', alarmId, Buffer.alloc(10 * 1024 * 1024 + 1), 'application/pdf', 'big.pdf');
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/10 MB/);
    const atLimit = await upload('admin', alarmId, Buffer.alloc(10 * 1024 * 1024, 1), 'application/pdf', 'max.pdf');
    expect(atLimit.statusCode).toBe(201);
    expect(atLimit.json().url).toMatch(/\.pdf$/);
  });
});
