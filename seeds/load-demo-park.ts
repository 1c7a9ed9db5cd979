import type { Database } from '../platform/db/database.ts';
import type { Logger } from 'pino';
import { hashDeviceSecret } from '../platform/registries/device-secrets.ts';
import { demoEnterprises, demoVehicles } from './demo-park.ts';

/** Loads the demo park once, into an empty registry; an installation with any enterprise is left alone. */
export async function loadDemoPark(db: Database, log: Logger): Promise<boolean> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from enterprises');
  if (n > 0) return false;
  await db.transaction(async (tx) => {
    const enterpriseIds = new Map<string, number>();
    for (const e of demoEnterprises) {
      const [{ id }] = await tx.query<{ id: number }>(
        'insert into enterprises (code, name, region_code, address, industry, lat, lon) values ($1, $2, $3, $4, $5, $6, $7) returning id',
        [e.code, e.name, e.regionCode, e.address, e.industry, e.lat, e.lon],
      );
      enterpriseIds.set(e.code, id);
      const [device] = await tx.query<{ id: number }>(
        'insert into devices (code, name, enterprise_id, secret_hash) values ($1, $2, $3, $4) returning id',
        [e.device.code, e.device.name, id, hashDeviceSecret(e.device.secret)],
      );
      for (const t of e.tanks) {
        const [tankRow] = await tx.query<{ id: number }>(
          'insert into tanks (enterprise_id, code, name, medium, capacity_m3, lat, lon) values ($1, $2, $3, $4, $5, $6, $7) returning id',
          [id, t.code, t.name, t.medium, t.capacityM3, t.lat, t.lon],
        );
        for (const s of t.sensors) {
          await tx.query(
            `insert into sensors (tank_id, device_id, code, kind, unit, range_min, range_max, low_low, low, high, high_high, deadband, interruption_timeout_s)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 120)`,
            [tankRow.id, device.id, s.code, s.kind, s.unit, s.rangeMin, s.rangeMax, s.lowLow ?? null, s.low ?? null, s.high ?? null, s.highHigh ?? null, s.deadband],
          );
        }
      }
    }
    for (const v of demoVehicles) {
      await tx.query('insert into vehicles (plate, enterprise_id, terminal_phone, speed_limit_kmh) values ($1, $2, $3, 60)', [
        v.plate,
        enterpriseIds.get(v.enterpriseCode),
        v.terminalPhone,
      ]);
    }
  });
  log.info({ enterprises: demoEnterprises.length, vehicles: demoVehicles.length }, 'demo park loaded');
  return true;
}
