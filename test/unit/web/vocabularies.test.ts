import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../../platform/db/open-database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { buildTestApp, loginAll } from '../../support/test-app.ts';
import { vocabularies } from '../../../web/routes/vocabulary-routes.ts';
// What the vanilla admin console (deleted in issue 14) kept as copies; the served tables must still hold them.
const ROLES = [
  { value: 'admin', label: '系统管理员' }, { value: 'operator', label: '值班员' }, { value: 'official', label: '监管人员' }, { value: 'enterprise_admin', label: '企业管理员' },
  { value: 'enterprise_user', label: '企业用户' }, { value: 'expert', label: '专家' }, { value: 'driver', label: '驾驶员' },
];
const AUDIT_ACTIONS = [
  { value: 'create', label: '新增' }, { value: 'update', label: '修改' }, { value: 'delete', label: '删除' }, { value: 'import', label: '导入' }, { value: 'move', label: '属地调整' },
  { value: 'release_terminal', label: '解除终端绑定' },
];
const EXPIRY_KINDS = { driver_certificate: '驾驶员从业资格证', escort_certificate: '押运员从业资格证', vehicle_inspection: '车辆年检' };

// The tables the vanilla wall kept as copies (web/public/wall/labels.js, removed when the wall moved to Vue): the
// server's vocabularies must still hold every label it showed.
const SENSOR_KIND = { level: '液位', temperature: '温度', pressure: '压力', combustible_gas: '可燃气体', toxic_gas: '有毒气体', oxygen: '氧含量' };
const LEVEL = { high: '高报', high_high: '高高报', low: '低报', low_low: '低低报' };
const SEVERITY = { critical: '紧急', major: '重要', minor: '一般', warning: '提示' };
const SEVERITY_RANK = { critical: 4, major: 3, minor: 2, warning: 1 };
const HANDLING_STATE = { 'active-unacked': '未确认', 'active-acked': '已确认', 'cleared-unacked': '已消除·未确认', 'cleared-acked': '已消除', disposed: '已处置', closed: '已消警' };
const EVENT_ACTION = { raised: '报警产生', cleared: '报警消除', acknowledged: '确认', disposed: '处置反馈', closed: '消警', reviewed: '核查', escalated: '超时升级', sla_breached: '处置超时' };
const REVIEW_RESULT = { passed: '通过', rejected: '退回' };

const asMap = (list: Array<{ code: string; label: string }>) => Object.fromEntries(list.map((e) => [e.code, e.label]));

describe('GET /api/vocabularies', () => {
  let db: Database;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    db = await openDatabase({});
    const built = await buildTestApp(db);
    app = built.app;
    await built.accounts.createUser({ username: 'op', displayName: '值班员', password: 'op-passw0rd', role: 'operator', regionCode: '211321' });
    ({ op: token } = await loginAll(app, { op: 'op-passw0rd' }));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('needs a login and answers every list as code → label', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/vocabularies' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/vocabularies', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual(vocabularies());
    for (const list of Object.values(body) as Array<Array<{ code: string; label: string }>>) {
      expect(list.length).toBeGreaterThan(0);
      for (const e of list) expect(e.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('holds the labels the browser copies had, and what they missed', () => {
    const v = vocabularies();
    expect(asMap(v.sensorKinds)).toEqual(SENSOR_KIND);
    expect(asMap(v.thresholdLevels)).toEqual(LEVEL);
    expect(asMap(v.severities)).toEqual(SEVERITY);
    expect(Object.fromEntries(v.severities.map((s) => [s.code, s.rank]))).toEqual(SEVERITY_RANK);
    expect(v.severities.map((s) => s.code)).toEqual(['critical', 'major', 'minor', 'warning']);
    expect(asMap(v.alarmDisplayStates)).toEqual(HANDLING_STATE);
    expect(asMap(v.alarmEventActions)).toMatchObject(EVENT_ACTION);
    expect(asMap(v.reviewResults)).toEqual(REVIEW_RESULT);
    expect(asMap(v.roles)).toEqual(Object.fromEntries(ROLES.map((r: { value: string; label: string }) => [r.value, r.label])));
    expect(asMap(v.auditActions)).toMatchObject(Object.fromEntries(AUDIT_ACTIONS.map((r: { value: string; label: string }) => [r.value, r.label])));
    expect(asMap(v.auditActions)).toMatchObject({ rotate_secret: '重置网关密钥', reset_password: '重置密码' });
    expect(asMap(v.expiryKinds)).toEqual(EXPIRY_KINDS);
    expect(asMap(v.hazardLevels)).toEqual({ 1: '一级', 2: '二级', 3: '三级', 4: '四级' });
    expect(v.vehicleStates.map((s) => s.code)).toEqual(['moving', 'stopped', 'offline', 'alarm']);
    expect(asMap(v.loginFailureReasons)).toEqual({ bad_credentials: '用户名或密码错误', locked: '账号已锁定', disabled: '账号已停用' });
  });

  it('lists every audit action the server writes', () => {
    const codes = new Set(vocabularies().auditActions.map((a) => a.code));
    const sources = ['registry/registry-repository.ts', 'registry/terminal-binding.ts', 'web/routes/enterprise-routes.ts', 'web/routes/user-routes.ts'];
    for (const file of sources) {
      for (const [, action] of readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').matchAll(/action: '([a-z_]+)'/g)) expect(codes, `${file}: ${action}`).toContain(action);
    }
  });

  it('lists every organisation kind the database allows', async () => {
    const [{ def }] = await db.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname like 'organizations_kind%'`);
    const allowed = [...def.matchAll(/'([a-z]+)'/g)].map((m) => m[1]).sort();
    expect(vocabularies().organizationKinds.map((k) => k.code).sort()).toEqual(allowed);
  });
});
