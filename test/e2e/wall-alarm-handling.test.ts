import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/chromium.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { decodeTextMessage, MsgId, type Jt808Frame } from '../../ingest/jt808/codec/index.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { artefactPath } from '../support/artefacts.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** A valid 1×1 red PNG, built here so the test carries no binary fixture. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The wall in Chromium against the whole system: the handling workflow, attachments, and catching up after a disconnect. */
describe('wall: alarm handling and resync', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let device: { code: string; secret: string };
  let gateway: MqttClient;
  let browser: Browser;
  let page: Page;
  const sensorIds: Record<string, number> = {};
  let enterpriseId: number;

  const publish = (sensor: string, value: number) =>
    gateway.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor, value }), { qos: 1 });
  const openAlarmOf = (sensor: string) =>
    eventually(async () => {
      const res = await api.call('GET', '/api/alarms?state=open');
      return res.body.items.find((a: { source: { id: number }; active: boolean }) => a.source.id === sensorIds[sensor] && a.active) as { id: number } | undefined;
    }, `open alarm of ${sensor}`);
  const item = (id: number, state?: string) => `[data-testid="alarm-item"][data-alarm-id="${id}"]${state ? `[data-state="${state}"]` : ''}`;
  const drawer = (id: number, state: string) => `[data-testid="alarm-drawer"][data-alarm-id="${id}"][data-state="${state}"]`;
  const event = (action: string) => `[data-testid="alarm-drawer"] [data-testid="alarm-event"][data-action="${action}"]`;
  const tid = (id: string) => `[data-testid="${id}"]`;

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0H2C', name: '处置测试化工有限公司', regionCode: '320116' });
    enterpriseId = enterprise.body.id;
    const dev = await api.call('POST', '/api/devices', { code: 'GW-H1', name: '处置网关', enterpriseId: enterprise.body.id });
    device = { code: 'GW-H1', secret: dev.body.secret };
    const sensor = (code: string) => ({ code, kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 });
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id, code: 'H101', name: '处置1#罐', medium: '甲醇', sensors: [sensor('HL1'), sensor('HL2'), sensor('HL3')],
    });
    expect(tank.status).toBe(201);
    for (const s of tank.body.sensors) sensorIds[s.code] = s.id;
    gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: device.code, password: device.secret, reconnectPeriod: 0 });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await logIn(page, `${sys.urls.http}/wall/`, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
  });

  afterAll(async () => {
    await gateway?.endAsync();
    await browser?.close();
    await sys?.dispose();
  });

  it('acknowledges, disposes with a PNG attachment, closes and reviews from the detail panel; each step is recorded with who and when', async () => {
    await publish('HL1', 15.8);
    const { id } = await openAlarmOf('HL1');
    await page.waitForSelector(item(id, 'active-unacked'));

    await page.click(`${item(id)} ${tid('alarm-open')}`);
    await page.waitForSelector(drawer(id, 'active-unacked'));
    const facts = await page.textContent(tid('alarm-fields'));
    expect(facts).toContain('处置1#罐');
    expect(facts).toContain('高报');
    expect(facts).toContain('15.80');
    await page.waitForSelector(event('raised'));
    expect(await page.locator(tid('alarm-step-close')).count()).toBe(0); // not before disposal

    await page.click(tid('alarm-step-ack'));
    await page.waitForSelector(item(id, 'active-acked'));
    await page.click(tid('alarm-step-dispose'));
    await page.fill(tid('dispose-cause'), '进料阀门未关严');
    await page.fill(tid('dispose-measures'), '关闭进料阀，倒罐至2#罐');
    const png = tinyPng();
    await page.setInputFiles(tid('dispose-files'), { name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await page.click(tid('dispose-submit'));
    await page.waitForSelector(item(id, 'disposed'));
    await page.waitForSelector(event('disposed'));
    await page.screenshot({ path: artefactPath('wall-alarm-drawer.png') });
    expect(await page.textContent(tid('alarm-fields'))).toContain('进料阀门未关严');

    await page.click(tid('alarm-step-close'));
    await page.waitForSelector(drawer(id, 'closed'));
    await page.waitForSelector(item(id), { state: 'detached' }); // closed: off the open list

    await page.click(tid('alarm-step-review')); // the admin may review
    await page.selectOption(tid('review-result'), 'passed');
    await page.fill(tid('review-comment'), '处置得当');
    await page.click(tid('review-submit'));
    await page.waitForSelector(event('reviewed'));
    expect(await page.locator(`${tid('alarm-steps')} button`).count()).toBe(0);

    const events = await api.call('GET', `/api/alarms/${id}/events`);
    const steps = events.body.items.filter((e: { action: string }) => e.action !== 'raised');
    expect(steps.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['acknowledged', 'admin'], ['disposed', 'admin'], ['closed', 'admin'], ['reviewed', 'admin'],
    ]);
    for (const e of steps) expect(Number.isNaN(Date.parse(e.at))).toBe(false);

    const alarm = (await api.call('GET', `/api/alarms/${id}`)).body;
    expect(alarm).toMatchObject({ active: false, acknowledgedBy: 'admin', disposedBy: 'admin', closedBy: 'admin', reviewedBy: 'admin', review: { result: 'passed', comment: '处置得当' } });
    expect(alarm.disposal).toMatchObject({ cause: '进料阀门未关严', measures: '关闭进料阀，倒罐至2#罐' });
    expect(alarm.disposal.attachments).toHaveLength(1);
    const url: string = alarm.disposal.attachments[0];
    expect(url).toMatch(new RegExp(`^/api/alarms/${id}/attachments/[0-9a-f-]{36}\\.png$`));
    const download = await fetch(`${sys.urls.http}${url}`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${sys.urls.http}${url}`)).status).toBe(401);
  });

  it('after a disconnect, catches up from its cursor: an alarm raised and cleared meanwhile is shown, a step done elsewhere too', async () => {
    await publish('HL2', 15.9);
    const seenBefore = await openAlarmOf('HL2');
    await page.waitForSelector(item(seenBefore.id, 'active-unacked')); // the wall has a cursor now

    await page.context().setOffline(true);
    await page.waitForSelector('[data-testid="conn-state"][data-state="disconnected"]');

    await publish('HL3', 16.2);
    const missed = await openAlarmOf('HL3');
    await publish('HL3', 13.0);
    await eventually(async () => (await api.call('GET', `/api/alarms/${missed.id}`)).body.active === false, 'missed alarm cleared');
    expect((await api.call('POST', `/api/alarms/${seenBefore.id}/ack`)).status).toBe(200);
    expect(await page.locator(item(missed.id)).count()).toBe(0);

    const changes = page.waitForRequest((r) => /\/api\/alarms\/changes\?since=[1-9]\d*/.test(r.url()));
    await page.context().setOffline(false);
    await changes;
    await page.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
    await page.waitForSelector(item(missed.id, 'cleared-unacked'));
    await page.waitForSelector(item(seenBefore.id, 'active-acked'));

    // 手动消除 (after a confirmation prompt): cleared and acknowledged, so it leaves the open list; 处置反馈 is next.
    await page.click(`${item(seenBefore.id)} ${tid('alarm-open')}`);
    await page.waitForSelector(drawer(seenBefore.id, 'active-acked'));
    page.once('dialog', (d) => void d.accept());
    await page.click(tid('alarm-step-clear'));
    await page.waitForSelector(drawer(seenBefore.id, 'cleared-acked'));
    await page.waitForSelector(item(seenBefore.id), { state: 'detached' });
    await page.waitForSelector(tid('alarm-step-dispose'));
    expect(await page.locator(tid('alarm-step-clear')).count()).toBe(0);
    const cleared = (await api.call('GET', `/api/alarms/${seenBefore.id}/events`)).body.items.find((e: { action: string }) => e.action === 'cleared');
    expect(cleared).toMatchObject({ actor: 'admin', details: { manual: true } });
  });

  it('acknowledges an SOS with 下发语音提示: the truck gets 0x8203 and the spoken text 0x8300', async () => {
    const v = await api.call('POST', '/api/vehicles', { plate: '苏A·H0110', enterpriseId, terminalPhone: '13900000110' });
    expect(v.status).toBe(201);
    const t = new SimulatedTerminal('13900000110', '苏A·H0110');
    const commands: Jt808Frame[] = [];
    try {
      await t.connect(sys.ports.jt808);
      expect(await t.register()).toBe(0);
      expect(await t.authenticate()).toBe(0);
      for (const id of [MsgId.AlarmAck, MsgId.TextMessage]) t.onCommand(id, (f) => (commands.push(f), t.answer(f, 0)));
      expect(await t.report({ lat: 32.23, lon: 118.82, speedKmh: 30, direction: 90, sos: true })).toBe(0);
      const sos = await eventually(async () => {
        const res = await api.call('GET', '/api/alarms?state=open');
        return res.body.items.find((a: { type: string; source: { id: number } }) => a.type === 'sos' && a.source.id === v.body.id) as { id: number } | undefined;
      }, 'SOS alarm');

      // An SOS is critical: its banner blocks the wall until it is handled; 打开处置 leads to the drawer.
      await page.click(`[data-testid="critical-banner"][data-alarm-id="${sos.id}"] ${tid('critical-banner-handle')}`);
      await page.waitForSelector(drawer(sos.id, 'active-unacked'));
      expect(await page.textContent(tid('alarm-drawer-title'))).toContain('紧急报警（SOS）');
      await page.check(tid('alarm-ack-tts'));
      await page.click(tid('alarm-step-ack'));
      await page.waitForSelector(item(sos.id, 'active-acked'));
      await eventually(() => commands.some((f) => f.header.msgId === MsgId.TextMessage), '0x8300 at the terminal');
      expect(commands.some((f) => f.header.msgId === MsgId.AlarmAck)).toBe(true);
      const text = commands.find((f) => f.header.msgId === MsgId.TextMessage)!;
      expect(decodeTextMessage(text.body, text.header).text).toBe('已收到报警，正在处置');
    } finally {
      t.close();
    }
  });

  it('a user whose password was reset must change it on the wall before seeing any data', async () => {
    const org = (await api.call('POST', '/api/organizations', { name: '处置测试县应急管理局', kind: 'county', regionCode: '320116' })).body.id;
    const created = await api.call('POST', '/api/users', { username: 'wall-duty', displayName: '值班员', role: 'official', organizationId: org });
    expect(created.status).toBe(201);
    const initial: string = created.body.password;
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const tab = await context.newPage();
    const dataRequests: string[] = [];
    tab.on('request', (r) => /\/api\/(monitor|alarms)/.test(r.url()) && dataRequests.push(r.url()));
    try {
      await logIn(tab, `${sys.urls.http}/wall/`, 'wall-duty', initial);
      await tab.getByTestId('wall-password-change').waitFor();
      expect(await tab.getByTestId('wall').count()).toBe(0);
      expect(dataRequests).toEqual([]); // nothing is read before the password is changed
      await tab.screenshot({ path: artefactPath('wall-password-change.png') });

      await tab.getByTestId('password-old').fill(initial);
      await tab.getByTestId('password-new').fill('Duty-pass-2031');
      await tab.getByTestId('password-confirm').fill('Duty-pass-2031x');
      await tab.getByTestId('password-submit').click();
      await tab.getByTestId('password-error').filter({ hasText: '不一致' }).waitFor();
      await tab.getByTestId('password-confirm').fill('Duty-pass-2031');
      await tab.getByTestId('password-submit').click();

      await tab.getByTestId('wall').waitFor();
      await tab.waitForSelector('[data-testid="conn-state"][data-state="connected"]');
      expect(dataRequests.length).toBeGreaterThan(0);
      const again = apiClient(sys.urls.http);
      expect((await again.login('wall-duty', 'Duty-pass-2031')).user).toMatchObject({ mustChangePassword: false });
    } finally {
      await context.close();
    }
  });
});
