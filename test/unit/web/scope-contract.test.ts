import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../../platform/db/open-database.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Accounts } from '../../../platform/auth/accounts.ts';
import { loadDemoPark } from '../../../seeds/load-demo-park.ts';
import { buildTestApp, loginAll } from '../../support/test-app.ts';
import { checkScopeContract, type ScopeContractReport, type ScopePair } from '../../support/scope-contract.ts';

const PASSWORD = 'scope-passw0rd';
const pairs: ScopePair[] = [
  { inScope: 'chaoyang', outOfScope: 'beijing' },
  { inScope: 'park-enterprise', outOfScope: 'empty-enterprise' },
];
const candidateIds = [1, 2, 3, 4, 5];

async function usersAndData(db: Database, accounts: Accounts): Promise<void> {
  const [{ id: emptyEnterprise }] = await db.query<{ id: number }>(
    `insert into enterprises (code, name, region_code) values ('911201000000000000', '天津空白企业', '120101') returning id`,
  );
  await accounts.createUser({ username: 'chaoyang', displayName: '朝阳市应急管理局', password: PASSWORD, role: 'official', regionCode: '211300' });
  await accounts.createUser({ username: 'beijing', displayName: '北京市应急管理局', password: PASSWORD, role: 'official', regionCode: '110000' });
  await accounts.createUser({ username: 'park-enterprise', displayName: '园区企业管理员', password: PASSWORD, role: 'enterprise_admin', enterpriseId: 1 });
  await accounts.createUser({ username: 'empty-enterprise', displayName: '空白企业管理员', password: PASSWORD, role: 'enterprise_admin', enterpriseId: emptyEnterprise });
}

// Every record route and list the app publishes, asked by a user in scope and one outside it.
describe('scope contract over the OpenAPI spec', () => {
  let db: Database;
  let app: FastifyInstance;
  let tokens: Record<string, string>;
  let report: ScopeContractReport;

  beforeAll(async () => {
    db = await openDatabase({});
    await loadDemoPark(db, pino({ level: 'silent' }));
    let accounts: Accounts;
    let alarms;
    await db.query(`insert into cameras (enterprise_id, code, name, stream_key, lat, lon) values (1, 'CAM-SC', '罐区球机', 'scope-contract-key', 41.52, 120.4)`);
    ({ app, accounts, alarms } = await buildTestApp(db, { video: true }));
    await usersAndData(db, accounts);
    const [sensor] = await db.query<{ id: number; name: string; enterprise_id: number; region_code: string }>(
      `select s.id, t.name, t.enterprise_id, e.region_code from sensors s join tanks t on t.id = s.tank_id join enterprises e on e.id = t.enterprise_id where t.enterprise_id = 1 order by s.id limit 1`,
    );
    await alarms.apply({ action: 'raise', type: 'high', level: 'high', severity: 'major', source: { kind: 'sensor', id: sensor.id, name: sensor.name, enterpriseId: sensor.enterprise_id, regionCode: sensor.region_code }, value: 1, at: new Date(), message: '测试报警' });
    tokens = await loginAll(app, Object.fromEntries(pairs.flatMap((p) => [p.inScope, p.outOfScope]).map((u) => [u, PASSWORD])));
    const asChaoyang = { authorization: `Bearer ${tokens.chaoyang}` };
    const rule = await app.inject({ method: 'POST', url: '/api/alarm-rules', headers: asChaoyang, payload: { kind: 'overspeed', name: '朝阳市超速', regionCode: '211300', params: { limitKmh: 60, sustainS: 10 } } });
    const subscription = await app.inject({ method: 'POST', url: '/api/alarm-subscriptions', headers: asChaoyang, payload: { name: '值班短信', channel: 'sms', target: '13800000000', regionCode: '211300' } });
    expect([rule.statusCode, subscription.statusCode]).toEqual([201, 201]);
    report = await checkScopeContract(app, tokens, pairs, candidateIds);
  });

  it('gives a play URL, the camera list and a truck channel only within scope', async () => {
    const [cam] = await db.query<{ id: number }>(`select id from cameras where code = 'CAM-SC'`);
    const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
    const play = (user: string) => app.inject({ method: 'POST', url: `/api/cameras/${cam.id}/play-url`, headers: as(user) });
    expect((await play('chaoyang')).statusCode).toBe(200);
    expect((await play('park-enterprise')).json().ws).toMatch(new RegExp(`/live/.+\\.flv\\?token=`));
    expect((await play('beijing')).statusCode).toBe(404);
    expect((await play('empty-enterprise')).statusCode).toBe(404);
    const listed = async (user: string) => (await app.inject({ method: 'GET', url: '/api/video/cameras', headers: as(user) })).json().items.map((c: { id: number }) => c.id);
    expect(await listed('chaoyang')).toContain(cam.id);
    expect(await listed('beijing')).not.toContain(cam.id);
    const truck = await app.inject({ method: 'POST', url: '/api/vehicles/1/video/1', headers: as('beijing') });
    expect(truck.statusCode).toBe(404);
    // In scope it reaches the terminal, which is not connected here.
    expect((await app.inject({ method: 'POST', url: '/api/vehicles/1/video/1', headers: as('chaoyang') })).statusCode).toBe(409);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers an out-of-scope user 404 for every record, and none of the in-scope records in any list', () => {
    expect(report.leaks).toEqual([]);
  });

  it('proves every record route and list except the ones named here, each with nothing to hide in this data', () => {
    expect([...report.unproven].sort()).toEqual(
      [
        // Administrators only: they see everything, there is no out-of-scope administrator.
        'GET /api/auth/login-log',
        'GET /api/audit',
        'GET /api/unbound-terminals',
        // Empty here: no notifications sent, no SLA policies, no alarm changes since a cursor in this data.
        'GET /api/alarm-notifications',
        'GET /api/alarm-sla-policies',
        'GET /api/alarms/changes',
        // Need query parameters (a position, a time range) and, for trends and tracks, InfluxDB.
        'GET /api/emergency-resources/nearest',
        'GET /api/monitor/sensors/{id}/trend',
        'GET /api/monitor/vehicles/{id}/track',
        'GET /api/monitor/tanks/{id}/trend',
      ].sort(),
    );
  });

  it('catches a route that forgets scoping: a fixture route reading vehicles by id alone', async () => {
    const { app: withFixture } = await buildTestApp(db);
    withFixture.get(
      '/api/fixture-vehicles/:id',
      { preHandler: withFixture.requireUser, schema: { params: z.object({ id: z.coerce.number().int() }) } },
      async (req, reply) => {
        const [row] = await db.query('select id, plate from vehicles where id = $1', [(req.params as { id: number }).id]);
        return row ?? reply.code(404).send({ error: 'not_found' });
      },
    );
    try {
      const { leaks } = await checkScopeContract(withFixture, tokens, pairs, candidateIds);
      expect(leaks).toEqual(['GET /api/fixture-vehicles/{id} (id 1)']);
    } finally {
      await withFixture.close();
    }
  });
});
