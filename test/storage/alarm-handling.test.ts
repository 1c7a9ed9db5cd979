import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import type { Accounts } from '../../platform/auth/accounts.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import type { AlarmDecision, Severity } from '../../alerts/alarm-decision.ts';
import { SlaMonitor } from '../../alerts/sla/sla-monitor.ts';
import { Notifier } from '../../alerts/notifications/notifier.ts';
import { WebhookChannel } from '../../alerts/notifications/webhook-channel.ts';
import { WebhookTargetPolicy } from '../../alerts/notifications/webhook-target.ts';
import { SmsChannel } from '../../alerts/notifications/sms-channel.ts';
import { purgeExpiredAlarms } from '../../alerts/handling/alarm-retention.ts';
import { testDatabases } from '../support/test-databases.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';

const PW = 'Passw0rd-test';
const log = pino({ level: 'silent' });

/**
 * Alarm handling through the HTTP API and the SLA/notification jobs on each database: a Liaoning chain (province →
 * Chaoyang city → Chaoyang county, Jianping county beside it) with an enterprise in each county.
 */
describe.each(testDatabases)('alarm handling on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let accounts: Accounts;
  let alarms: AlarmStore;
  let t: Record<string, string>;
  const ids: Record<string, number> = {};
  let nextSource = 1000;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { authorization: `Bearer ${t[as]}` } });

  const raise = async (
    store: AlarmStore,
    o: { enterprise?: 'chaoyang' | 'jianping'; at?: Date; type?: string; severity?: Severity; sourceId?: number; value?: number } = {},
  ) => {
    const jianping = o.enterprise === 'jianping';
    const d: AlarmDecision = {
      action: 'raise', type: o.type ?? 'threshold', level: 'high', severity: o.severity ?? 'major', value: o.value ?? 11, at: o.at ?? new Date(), message: '液位高报',
      source: { kind: 'sensor', id: o.sourceId ?? nextSource++, name: jianping ? '建平1#罐·液位' : '朝阳1#罐·液位', enterpriseId: jianping ? ids.jianping : ids.chaoyang, regionCode: jianping ? '211322' : '211321' },
    };
    return (await store.apply(d))!;
  };

  beforeAll(async () => {
    db = await kind.open();
    // The test webhook listens on loopback, so it is allow-listed like NOTIFY_WEBHOOK_ALLOW_HOSTS=127.0.0.1.
    ({ app, accounts, alarms } = await buildTestApp(db, { webhookAllowHosts: ['127.0.0.1'] }));
    const org = async (name: string, kindName: string, region: string, enterpriseId: number | null = null) =>
      (await db.query<{ id: number }>('insert into organizations (name, kind, region_code, enterprise_id) values ($1, $2, $3, $4) returning id', [name, kindName, region, enterpriseId]))[0].id;
    ids.orgProvince = await org('辽宁省应急管理厅', 'province', '210000');
    ids.orgCity = await org('朝阳市应急管理局', 'city', '211300');
    ids.orgCounty = await org('朝阳县应急管理局', 'county', '211321');
    ids.orgCounty2 = await org('建平县应急管理局', 'county', '211322');
    const ent = async (code: string, name: string, region: string) =>
      (await db.query<{ id: number }>('insert into enterprises (code, name, region_code) values ($1, $2, $3) returning id', [code, name, region]))[0].id;
    ids.chaoyang = await ent('91211321MA0000002B', '朝阳化工有限公司', '211321');
    ids.jianping = await ent('91211322MA0000003C', '建平化工有限公司', '211322');
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    await accounts.createUser({ username: 'city', displayName: '市局', password: PW, role: 'official', regionCode: '211300', organizationId: ids.orgCity });
    await accounts.createUser({ username: 'county', displayName: '县局', password: PW, role: 'official', regionCode: '211321', organizationId: ids.orgCounty });
    await accounts.createUser({ username: 'county2', displayName: '建平县局', password: PW, role: 'official', regionCode: '211322', organizationId: ids.orgCounty2 });
    await accounts.createUser({ username: 'ent', displayName: '企业值班', password: PW, role: 'enterprise_user', enterpriseId: ids.chaoyang });
    t = await loginAll(app, Object.fromEntries(['admin', 'city', 'county', 'county2', 'ent'].map((u) => [u, PW])));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('walks every handling step in order, recording who and when, and refuses steps out of order or out of scope', async () => {
    const { alarm } = await raise(alarms);
    const step = (as: string, name: string, body?: object) => call('POST', `/api/alarms/${alarm.id}/${name}`, as, body);

    for (const [name, body] of [['ack', undefined], ['clear', {}], ['dispose', { cause: 'x', measures: 'y' }], ['close', {}]] as const) {
      expect((await step('county2', name, body)).statusCode, name).toBe(404);
    }
    expect((await step('ent', 'dispose', { cause: '液位计误报', measures: '校准' })).json()).toMatchObject({ error: 'not_acknowledged' });

    const ack = await step('ent', 'ack');
    expect(ack.statusCode).toBe(200);
    expect(ack.json().alarm).toMatchObject({ acknowledged: true, acknowledgedBy: 'ent' });
    expect(ack.json().cursor).toBeGreaterThan(0);
    expect((await step('ent', 'ack')).statusCode).toBe(409);
    expect((await step('ent', 'close', {})).json()).toMatchObject({ error: 'not_disposed' });

    const bad = await step('ent', 'dispose', { cause: '', measures: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['cause', 'measures']);
    const disposed = await step('ent', 'dispose', { cause: '进料阀未关严', measures: '关闭进料阀，倒罐至 2# 罐', attachments: ['media/2026/11/photo-1.jpg'] });
    expect(disposed.statusCode).toBe(200);
    expect(disposed.json().alarm).toMatchObject({
      disposedBy: 'ent', active: true, disposal: { cause: '进料阀未关严', measures: '关闭进料阀，倒罐至 2# 罐', attachments: ['media/2026/11/photo-1.jpg'] },
    });
    expect(disposed.json().cursor).toBeGreaterThan(ack.json().cursor);

    expect((await step('ent', 'review', { result: 'passed' })).statusCode).toBe(403);
    expect((await step('county', 'review', { result: 'passed' })).json()).toMatchObject({ error: 'not_closed' });

    const closed = await step('ent', 'close', { note: '液位已恢复正常' });
    expect(closed.json().alarm).toMatchObject({ active: false, closedBy: 'ent', clearedBy: 'ent', closeNote: '液位已恢复正常' });
    expect((await step('ent', 'close', {})).json()).toMatchObject({ error: 'already_closed' });
    // The next trigger from the same source opens a new alarm once this one is closed.
    expect((await raise(alarms, { sourceId: alarm.source.id })).alarm.id).not.toBe(alarm.id);

    expect((await step('county2', 'review', { result: 'passed' })).statusCode).toBe(404);
    const reviewed = await step('county', 'review', { result: 'passed', comment: '处置到位' });
    expect(reviewed.json().alarm).toMatchObject({ reviewedBy: 'county', review: { result: 'passed', comment: '处置到位' } });
    expect((await step('city', 'review', { result: 'rejected' })).json()).toMatchObject({ error: 'already_reviewed' });

    const trail = (await call('GET', `/api/alarms/${alarm.id}/events`, 'county')).json().items as Array<{ action: string; actor: string | null; at: string }>;
    expect(trail.map((e) => [e.action, e.actor])).toEqual([['raised', null], ['acknowledged', 'ent'], ['disposed', 'ent'], ['closed', 'ent'], ['reviewed', 'county']]);
    expect(trail.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect((await call('GET', `/api/alarms/${alarm.id}/events`, 'county2')).statusCode).toBe(404);
  });

  it('clears by hand, independently of acknowledgement, and the contract list keeps a cleared unacknowledged alarm open', async () => {
    const { alarm } = await raise(alarms);
    const cleared = await call('POST', `/api/alarms/${alarm.id}/clear`, 'ent', { note: '现场确认误报' });
    expect(cleared.json().alarm).toMatchObject({ active: false, acknowledged: false, clearedBy: 'ent' });
    expect((await call('POST', `/api/alarms/${alarm.id}/clear`, 'ent')).json()).toMatchObject({ error: 'already_cleared' });
    const open = (await call('GET', '/api/alarms?state=open', 'ent')).json().items.map((a: { id: number }) => a.id);
    expect(open).toContain(alarm.id);
    await call('POST', `/api/alarms/${alarm.id}/ack`, 'ent', { tts: true });
    expect((await call('GET', '/api/alarms?state=open', 'ent')).json().items.map((a: { id: number }) => a.id)).not.toContain(alarm.id);
  });

  it('resyncs a client that missed events: every alarm changed after its cursor, once, in its current state, within its scope', async () => {
    const first = await raise(alarms);
    const missedRaise = await raise(alarms);
    await alarms.apply({ action: 'raise', type: 'threshold', level: 'high_high', severity: 'critical', value: 13, at: new Date(), message: '液位高高报', source: { kind: 'sensor', id: first.alarm.source.id, name: first.alarm.source.name, enterpriseId: ids.chaoyang, regionCode: '211321' } });
    const elsewhere = await raise(alarms, { enterprise: 'jianping' });
    await call('POST', `/api/alarms/${missedRaise.alarm.id}/ack`, 'ent');

    const res = await call('GET', `/api/alarms/changes?since=${first.cursor}`, 'county');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Array<{ cursor: number; alarm: { id: number; acknowledged: boolean; severity: string } }>; cursor: number; more: boolean };
    expect(body.items.map((i) => i.alarm.id)).toEqual([first.alarm.id, missedRaise.alarm.id]);
    expect(body.items[0].alarm.severity).toBe('critical');
    expect(body.items[1].alarm.acknowledged).toBe(true);
    expect(body.more).toBe(false);
    expect(body.cursor).toBeGreaterThan(elsewhere.cursor!);
    expect((await call('GET', `/api/alarms/changes?since=${body.cursor}`, 'county')).json().items).toEqual([]);

    const other = (await call('GET', `/api/alarms/changes?since=${first.cursor}`, 'county2')).json();
    expect(other.items.map((i: { alarm: { id: number } }) => i.alarm.id)).toEqual([elsewhere.alarm.id]);

    const paged = (await call('GET', `/api/alarms/changes?since=${first.cursor}&limit=1`, 'county')).json();
    expect(paged).toMatchObject({ more: true, items: [{ alarm: { id: first.alarm.id } }] });
    const rest = (await call('GET', `/api/alarms/changes?since=${paged.cursor}`, 'county')).json();
    expect(rest.items.map((i: { alarm: { id: number } }) => i.alarm.id)).toEqual([missedRaise.alarm.id]);
  });

  it('records SLA breaches on an injected clock and escalates up the bureau chain; deadlines are configurable per region', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const clock = () => now;
    const store = new AlarmStore(db, clock);
    const monitor = new SlaMonitor(db, store, { ackMinutes: 5, disposeMinutes: 120 }, clock);
    const minutes = (m: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + m * 60_000);
    const { alarm } = await raise(store, { at: minutes(0) });
    const check = async (id: number) => (await monitor.check()).filter((c) => c.alarm.id === id);

    now = minutes(4.9);
    expect(await check(alarm.id)).toEqual([]);
    now = minutes(5);
    const [ackBreach] = await check(alarm.id);
    expect(ackBreach).toMatchObject({ action: 'updated', step: 'escalated', alarm: { escalatedTo: ids.orgCounty, ackBreachedAt: minutes(5).toISOString() } });
    expect(await check(alarm.id)).toEqual([]);

    now = minutes(30);
    await store.acknowledge(alarm.id, { kind: 'all' }, 'ent');
    now = minutes(120);
    const [disposeBreach] = await check(alarm.id);
    expect(disposeBreach.alarm).toMatchObject({ escalatedTo: ids.orgCity, disposeBreachedAt: minutes(120).toISOString() });
    const escalations = await db.query<{ details: { breach: string; to: { name: string } } }>(`select details from alarm_events where alarm_id = $1 and action = 'escalated' order by id`, [alarm.id]);
    expect(escalations.map((e) => [e.details.breach, e.details.to.name])).toEqual([['ack', '朝阳县应急管理局'], ['dispose', '朝阳市应急管理局']]);

    expect((await call('PUT', '/api/alarm-sla-policies', 'county2', { severity: 'critical', regionCode: '211321', ackMinutes: 1, disposeMinutes: 30 })).statusCode).toBe(403);
    expect((await call('PUT', '/api/alarm-sla-policies', 'county', { severity: null, regionCode: null, ackMinutes: 1, disposeMinutes: 30 })).statusCode).toBe(403);
    const put = await call('PUT', '/api/alarm-sla-policies', 'county', { severity: 'critical', regionCode: '211321', ackMinutes: 1, disposeMinutes: 30 });
    expect(put.statusCode).toBe(200);
    expect((await call('PUT', '/api/alarm-sla-policies', 'county', { severity: 'critical', regionCode: '211321', ackMinutes: 2, disposeMinutes: 30 })).json()).toMatchObject({ ackMinutes: 2 });
    expect((await call('GET', '/api/alarm-sla-policies', 'county')).json()).toMatchObject({ defaults: { ackMinutes: 5, disposeMinutes: 120 }, items: [{ regionCode: '211321', ackMinutes: 2 }] });
    expect((await call('GET', '/api/alarm-sla-policies', 'county2')).json().items).toEqual([]);

    const critical = await raise(store, { at: minutes(200), severity: 'critical' });
    const jianping = await raise(store, { at: minutes(200), severity: 'critical', enterprise: 'jianping' });
    now = minutes(202);
    expect(await check(critical.alarm.id)).toMatchObject([{ alarm: { escalatedTo: ids.orgCounty } }]);
    expect(await check(jianping.alarm.id)).toEqual([]);
    now = minutes(205);
    expect(await check(jianping.alarm.id)).toMatchObject([{ alarm: { escalatedTo: ids.orgCounty2 } }]);

    // Acknowledged late but between two checks: recorded as a breach, nobody to escalate to any more.
    const late = await raise(store, { at: minutes(300) });
    now = minutes(306);
    await store.acknowledge(late.alarm.id, { kind: 'all' }, 'ent');
    now = minutes(307);
    expect(await check(late.alarm.id)).toMatchObject([{ step: 'breached', alarm: { escalatedTo: null, ackBreachedAt: minutes(307).toISOString() } }]);

    const stats = (await call('GET', '/api/alarms/stats?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z', 'county')).json();
    // The critical alarm also missed its 30-minute disposal by then; escalated counts alarms (in scope), not escalations.
    expect(stats.slaBreaches).toEqual({ ack: 3, dispose: 2, escalated: 2 });
  });

  it('delivers notifications through a persisted outbox, retrying a failing webhook with backoff, also after a restart', async () => {
    const received: Array<{ event: string; cursor: number; text: string; alarm: { id: number } }> = [];
    let failuresLeft = 3;
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.statusCode = failuresLeft-- > 0 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const sms: Array<{ phone: string; text: string }> = [];
    let now = new Date('2026-02-01T00:00:00Z');
    const notifier = () =>
      new Notifier(db, { webhook: new WebhookChannel(new WebhookTargetPolicy(['127.0.0.1'])), sms: new SmsChannel({ send: async (phone, text) => void sms.push({ phone, text }) }) }, log, () => now, {
        baseMs: 1000, maxMs: 60_000, maxAttempts: 5,
      });
    try {
      await notifier().tick(); // events from earlier tests, before any subscription
      expect((await call('POST', '/api/alarm-subscriptions', 'county2', { name: '越权', channel: 'webhook', target: url, regionCode: '211321' })).statusCode).toBe(403);
      expect((await call('POST', '/api/alarm-subscriptions', 'ent', { name: '企业', channel: 'webhook', target: url, regionCode: '211321' })).statusCode).toBe(403);
      expect((await call('POST', '/api/alarm-subscriptions', 'county', { name: '坏号码', channel: 'sms', target: '123', regionCode: '211321' })).json().fields).toMatchObject([{ path: 'target' }]);
      const metadata = await call('POST', '/api/alarm-subscriptions', 'county', { name: '元数据', channel: 'webhook', target: 'http://169.254.169.254/latest', regionCode: '211321' });
      expect(metadata.statusCode).toBe(400);
      expect(metadata.json().fields).toMatchObject([{ path: 'target', message: expect.stringContaining('169.254.169.254') }]);
      const hook = await call('POST', '/api/alarm-subscriptions', 'county', { name: '县局平台', channel: 'webhook', target: url, regionCode: '211321' });
      expect(hook.statusCode).toBe(201);
      const moved = await call('PUT', `/api/alarm-subscriptions/${hook.json().id}`, 'county', { name: '县局平台', channel: 'webhook', target: 'http://10.0.0.8/hook', regionCode: '211321' });
      expect(moved.statusCode).toBe(400);
      expect((await call('GET', '/api/alarm-subscriptions', 'county')).json().items).toMatchObject([{ target: url }]);
      await call('POST', '/api/alarm-subscriptions', 'county', { name: '县局值班手机', channel: 'sms', target: '13800000001', severities: ['critical'], regionCode: '211321' });
      expect((await call('GET', '/api/alarm-subscriptions', 'county2')).json().items).toEqual([]);

      const major = await raise(alarms);
      await raise(alarms, { enterprise: 'jianping' });
      const critical = await raise(alarms, { severity: 'critical' });

      await notifier().tick();
      expect(received).toHaveLength(2); // both webhook deliveries failed once
      expect(sms.map((s) => s.phone)).toEqual(['13800000001']);
      expect(sms[0].text).toContain('紧急');
      await notifier().tick();
      expect(received).toHaveLength(2); // not yet due
      now = new Date(now.getTime() + 1000);
      await notifier().tick(); // one succeeds, the other fails a second time
      expect(received).toHaveLength(4);
      const pending = (await call('GET', '/api/alarm-notifications?status=pending', 'county')).json().items;
      expect(pending).toMatchObject([{ channel: 'webhook', attempts: 2, lastError: 'webhook answered 503' }]);
      now = new Date(now.getTime() + 2000);
      await notifier().tick(); // a fresh instance, as after a restart, still delivers what is pending
      expect(received).toHaveLength(5);
      expect(new Set(received.map((r) => r.alarm.id))).toEqual(new Set([major.alarm.id, critical.alarm.id]));
      expect(received.every((r) => r.event === 'raised' && r.cursor > 0 && r.text.startsWith('【危化监测】'))).toBe(true);
      expect((await call('GET', '/api/alarm-notifications?status=pending', 'county')).json().items).toEqual([]);
      const sent = (await call('GET', '/api/alarm-notifications?status=sent', 'county')).json().items;
      expect(sent.filter((n: { channel: string }) => n.channel === 'webhook').map((n: { attempts: number }) => n.attempts).sort()).toEqual([2, 3]);
      expect((await call('GET', '/api/alarm-notifications', 'county2')).json().items).toEqual([]);

      expect((await call('DELETE', `/api/alarm-subscriptions/${hook.json().id}`, 'county2')).statusCode).toBe(404);
      expect((await call('DELETE', `/api/alarm-subscriptions/${hook.json().id}`, 'county')).statusCode).toBe(204);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('filters history, computes statistics and exports to Excel within the caller scope', async () => {
    let now = new Date('2025-03-01T00:00:00Z');
    const store = new AlarmStore(db, () => now);
    const day = (d: number, h = 0) => new Date(Date.UTC(2025, 2, d, h));
    const a1 = await raise(store, { at: day(1, 1), sourceId: 5001 });
    const a2 = await raise(store, { at: day(1, 2), sourceId: 5001, type: 'data_interruption' });
    const a3 = await raise(store, { at: day(2, 20), sourceId: 5002, severity: 'critical' }); // 2025-03-03 in Beijing
    const a4 = await raise(store, { at: day(2, 1), enterprise: 'jianping', sourceId: 5003 });
    now = new Date(day(1, 1).getTime() + 60_000);
    await store.acknowledge(a1.alarm.id, { kind: 'all' }, 'ent');
    now = new Date(day(2, 20).getTime() + 180_000);
    await store.acknowledge(a3.alarm.id, { kind: 'all' }, 'ent');
    await store.dispose(a3.alarm.id, { kind: 'all' }, 'ent', { cause: '探头故障', measures: '更换探头', attachments: [] });
    now = new Date(day(2, 20).getTime() + 600_000);
    await store.close(a3.alarm.id, { kind: 'all' }, 'ent', null);

    const window = 'from=2025-03-01T00:00:00Z&to=2025-03-04T00:00:00Z';
    const ids_ = async (as: string, q = '') => ((await call('GET', `/api/alarms/history?${window}${q}`, as)).json().items as Array<{ id: number }>).map((a) => a.id).sort((x, y) => x - y);
    expect(await ids_('admin')).toEqual([a1.alarm.id, a2.alarm.id, a3.alarm.id, a4.alarm.id]);
    expect(await ids_('county')).toEqual([a1.alarm.id, a2.alarm.id, a3.alarm.id]);
    expect(await ids_('county2')).toEqual([a4.alarm.id]);
    expect(await ids_('admin', '&type=data_interruption')).toEqual([a2.alarm.id]);
    expect(await ids_('admin', '&severity=critical')).toEqual([a3.alarm.id]);
    expect(await ids_('admin', '&regionCode=211322')).toEqual([a4.alarm.id]);
    expect(await ids_('admin', '&regionCode=211300')).toEqual([a1.alarm.id, a2.alarm.id, a3.alarm.id, a4.alarm.id]);
    expect(await ids_('admin', `&enterpriseId=${ids.jianping}`)).toEqual([a4.alarm.id]);
    expect(await ids_('county', '&state=unacknowledged')).toEqual([a2.alarm.id]);
    expect(await ids_('county', '&state=closed')).toEqual([a3.alarm.id]);
    expect(await ids_('county', '&state=active')).toEqual([a1.alarm.id, a2.alarm.id]);
    expect((await call('GET', '/api/alarms/history?from=2025-03-02T00:00:00Z&to=2025-03-03T00:00:00Z', 'admin')).json().total).toBe(2);
    expect((await call('GET', '/api/alarms/history?state=nope', 'admin')).statusCode).toBe(400);

    const stats = (await call('GET', `/api/alarms/stats?${window}`, 'county')).json();
    expect(stats).toMatchObject({
      total: 3,
      byType: [{ type: 'threshold', count: 2 }, { type: 'data_interruption', count: 1 }],
      byRegion: [{ regionCode: '211321', count: 3 }],
      // Every Shanghai day of the window, zero where nothing happened, so a chart has no gaps.
      byDay: [{ day: '2025-03-01', count: 2 }, { day: '2025-03-02', count: 0 }, { day: '2025-03-03', count: 1 }, { day: '2025-03-04', count: 0 }],
      meanAckSeconds: 120,
      meanCloseSeconds: 600,
      topSources: [{ kind: 'sensor', id: 5001, count: 2 }, { kind: 'sensor', id: 5002, count: 1 }],
      slaBreaches: { ack: 0, dispose: 0, escalated: 0 },
    });

    const res = await call('GET', `/api/alarms/export.xlsx?${window}`, 'county');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('报警记录');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('处置措施');
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
    expect(rows.map((r) => r[0]).sort()).toEqual([a1.alarm.id, a2.alarm.id, a3.alarm.id].sort((x, y) => x - y));
    const closedRow = rows.find((r) => r[0] === a3.alarm.id)!;
    expect(closedRow[header.indexOf('处置状态')]).toBe('已消警');
    expect(closedRow[header.indexOf('处置措施')]).toBe('更换探头');
    expect(closedRow[header.indexOf('首次报警时间')]).toBe('2025-03-03 04:00:00');
    const other = new ExcelJS.Workbook();
    await other.xlsx.load((await call('GET', `/api/alarms/export.xlsx?${window}`, 'county2')).rawPayload as unknown as ArrayBuffer);
    expect(other.worksheets[0].rowCount).toBe(2);
  });

  it('deletes only finished alarms older than the retention, never sooner than three years', async () => {
    const insert = async (active: boolean, clearedAt: string | null, closedAt: string | null) =>
      (
        await db.query<{ id: number }>(
          `insert into alarms (type, severity, source_kind, source_id, source_name, enterprise_id, region_code, message, first_at, last_at, active, cleared_at, closed_at)
           values ('threshold', 'major', 'sensor', $1, '旧罐', $2, '211321', '旧报警', $3, $3, $4, $5, $6) returning id`,
          [nextSource++, ids.chaoyang, '2020-01-01T00:00:00Z', active, clearedAt, closedAt],
        )
      )[0].id;
    const old = await insert(false, '2020-01-02T00:00:00Z', '2020-01-03T00:00:00Z');
    const oldUnclosed = await insert(false, '2020-06-01T00:00:00Z', null);
    const recent = await insert(false, '2020-01-02T00:00:00Z', '2024-01-01T00:00:00Z');
    const stillActive = await insert(true, null, null);
    const now = new Date('2026-11-23T00:00:00Z');
    expect(await purgeExpiredAlarms(db, now, 1)).toBe(2);
    const left = (await db.query<{ id: number }>('select id from alarms where id = any($1::int[])', [[old, oldUnclosed, recent, stillActive]])).map((r) => r.id).sort((x, y) => x - y);
    expect(left).toEqual([recent, stillActive]);
    expect(await purgeExpiredAlarms(db, now, 5)).toBe(0);
  });
});
