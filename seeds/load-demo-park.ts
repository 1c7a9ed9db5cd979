import type { Logger } from 'pino';
import type { Database, Queryable, Row } from '../platform/db/database.ts';
import { hashDeviceSecret } from '../registry/device-secrets.ts';
import { generateSecret, hashPassword } from '../platform/auth/passwords.ts';
import { camelToSnake, type RegistryModule } from '../registry/registry-module.ts';
import { enterprisesModule } from '../registry/modules/enterprises.ts';
import { enterpriseUnitsModule } from '../registry/modules/enterprise-units.ts';
import { devicesModule } from '../registry/modules/devices.ts';
import { hazardSourcesModule } from '../registry/modules/hazard-sources.ts';
import { tanksModule } from '../registry/modules/tanks.ts';
import { camerasModule } from '../registry/modules/cameras.ts';
import { vehiclesModule } from '../registry/modules/vehicles.ts';
import { transportStaffModule } from '../registry/modules/transport-staff.ts';
import { waybillsModule } from '../registry/modules/waybills.ts';
import { geofencesModule } from '../registry/modules/geofences.ts';
import { emergencyResourcesModule } from '../registry/modules/emergency-resources.ts';
import { shanghaiDate } from '../platform/time/shanghai-calendar.ts';
import { demoCameras, demoEnterprises, demoHazardSources, demoVehicles, demoWaybills } from './demo-park.ts';
import { demoEnterpriseUnits, demoOtherEnterprises, type DemoEnterpriseFile } from './demo-enterprises.ts';
import { demoEmergencyResources, demoGeofences } from './demo-emergency.ts';
import { DEMO_INITIAL_PASSWORD, demoOrganizations, demoUsers, type DemoOrganizationKey } from './demo-organizations.ts';

/** Every demo enterprise file, in load order: the three gateway enterprises (ids 1, 2, 3) first. */
export const allDemoEnterprises: DemoEnterpriseFile[] = [...demoEnterprises, ...demoOtherEnterprises];


/**
 * Validates a record with its registry module's schema, exactly as the API would, and inserts it with the
 * module's derived columns (e.g. a hazard source's R value and level) and children (a tank's sensors).
 */
async function insertRecord(tx: Queryable, module: RegistryModule, input: Row, extra: Row = {}): Promise<number | null> {
  const parsed = module.schema.parse(input) as Row;
  const columns: Row = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (Array.isArray(v) && module.saveChildren) continue;
    columns[camelToSnake(k)] = v !== null && typeof v === 'object' ? JSON.stringify(v) : (v ?? null);
  }
  Object.assign(columns, module.derive?.(parsed), extra);
  const names = Object.keys(columns);
  const [row] = await tx.query<{ id: number }>(
    `insert into ${module.table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})
     on conflict (${camelToSnake(module.uniqueField)}) do nothing returning id`,
    Object.values(columns),
  );
  if (row) await module.saveChildren?.(tx, row.id, parsed);
  return row?.id ?? null;
}

const required = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new Error(`demo data: ${what} not found`);
  return value;
};

/**
 * Loads the demo park once, into an empty registry (an installation with any enterprise is left alone), in one
 * transaction: the supervision chain down to the park, a dozen enterprises with their organisations, gateways,
 * hazard sources, tanks and sensors, cameras, trucks with drivers, escorts and waybills, geofences, emergency resources
 * and one login per role (initial password 123456, to be changed at first login).
 */
export async function loadDemoPark(db: Database, log: Logger): Promise<boolean> {
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from enterprises');
  if (n > 0) return false;
  const passwordHashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_INITIAL_PASSWORD)));
  const today = new Date();
  await db.transaction(async (tx) => {
    const orgIds = new Map<DemoOrganizationKey, number>();
    for (const o of demoOrganizations) {
      const parentId = o.parent ? required(orgIds.get(o.parent), `organisation ${o.parent}`) : null;
      const [existing] = await tx.query<{ id: number }>('select id from organizations where kind = $1 and region_code = $2 and name = $3 order by id limit 1', [o.kind, o.regionCode, o.name]);
      const [row] = existing
        ? [existing]
        : await tx.query<{ id: number }>('insert into organizations (name, kind, region_code, parent_id) values ($1, $2, $3, $4) returning id', [o.name, o.kind, o.regionCode, parentId]);
      orgIds.set(o.key, row.id);
    }
    const parkId = required(orgIds.get('park'), 'park organisation');

    const enterpriseIds = new Map<string, number>();
    const enterpriseOrgIds = new Map<string, number>();
    for (const e of allDemoEnterprises) {
      const id = required(
        await insertRecord(tx, enterprisesModule, {
          code: e.code, name: e.name, regionCode: e.regionCode, parkId, town: e.town, address: e.address, industry: e.industry,
          industryType: e.industryType, industrySubtype: e.industrySubtype, scale: e.scale, grade: e.grade,
          legalRepresentative: e.legalRepresentative, contactPerson: e.contactPerson, contactPhone: e.contactPhone, lat: e.lat, lon: e.lon,
        }),
        `enterprise ${e.code}`,
      );
      enterpriseIds.set(e.code, id);
      const [org] = await tx.query<{ id: number }>(
        `insert into organizations (name, kind, region_code, parent_id, enterprise_id) values ($1, 'enterprise', $2, $3, $4) returning id`,
        [e.name, e.regionCode, parkId, id],
      );
      enterpriseOrgIds.set(e.code, org.id);
    }
    const enterpriseId = (code: string) => required(enterpriseIds.get(code), `enterprise ${code}`);

    for (const u of demoEnterpriseUnits) {
      await insertRecord(tx, enterpriseUnitsModule, { enterpriseId: enterpriseId(u.enterpriseCode), code: u.code, name: u.name, principal: u.principal, phone: u.phone, address: u.address });
    }

    const hazardSourceIds = new Map<string, number>();
    for (const h of demoHazardSources) {
      const id = await insertRecord(tx, hazardSourcesModule, {
        enterpriseId: enterpriseId(h.enterpriseCode), code: h.code, name: h.name, unitKind: h.unitKind, peopleWithin500m: h.peopleWithin500m, chemicals: h.chemicals,
      });
      hazardSourceIds.set(h.code, required(id, `hazard source ${h.code}`));
    }

    const tankIds = new Map<string, number>();
    for (const e of demoEnterprises) {
      const deviceId = required(
        await insertRecord(tx, devicesModule, { code: e.device.code, name: e.device.name, enterpriseId: enterpriseId(e.code) }, { secret_hash: hashDeviceSecret(e.device.secret) }),
        `device ${e.device.code}`,
      );
      for (const t of e.tanks) {
        const id = await insertRecord(tx, tanksModule, {
          enterpriseId: enterpriseId(e.code),
          hazardSourceId: required(hazardSourceIds.get(t.hazardSource), `hazard source ${t.hazardSource}`),
          code: t.code, name: t.name, medium: t.medium, capacityM3: t.capacityM3, lat: t.lat, lon: t.lon,
          sensors: t.sensors.map((s) => ({
            code: s.code, kind: s.kind, unit: s.unit, deviceId, rangeMin: s.rangeMin, rangeMax: s.rangeMax,
            lowLow: s.lowLow ?? null, low: s.low ?? null, high: s.high ?? null, highHigh: s.highHigh ?? null, deadband: s.deadband, interruptionTimeoutS: 120,
          })),
        });
        tankIds.set(t.code, required(id, `tank ${t.code}`));
      }
    }

    for (const c of demoCameras) {
      await insertRecord(
        tx, camerasModule,
        { enterpriseId: enterpriseId(c.enterpriseCode), tankId: required(tankIds.get(c.tankCode), `tank ${c.tankCode}`), code: c.code, name: c.name, site: c.site, lat: c.lat, lon: c.lon },
        { stream_key: generateSecret(24) },
      );
    }

    const vehicleIds = new Map<string, number>();
    const staffIds = new Map<string, number>();
    for (const v of demoVehicles) {
      const owner = enterpriseId(v.enterpriseCode);
      const vehicleId = await insertRecord(tx, vehiclesModule, {
        plate: v.plate, plateColor: 2, enterpriseId: owner, terminalPhone: v.terminalPhone, speedLimitKmh: 60,
        hazmatClass: v.hazmatClass, tankVolumeM3: v.tankVolumeM3, inspectionExpiresOn: shanghaiDate(today, v.inspectionDueInDays),
      });
      vehicleIds.set(v.plate, required(vehicleId, `vehicle ${v.plate}`));
      for (const [kind, s] of [['driver', v.driver], ['escort', v.escort]] as const) {
        const staffId = await insertRecord(tx, transportStaffModule, {
          enterpriseId: owner, kind, name: s.name, idNumber: s.idNumber, phone: s.phone, certificateNo: s.idNumber,
          certificateExpiresOn: shanghaiDate(today, s.certificateDueInDays),
        });
        staffIds.set(s.idNumber, required(staffId, `${kind} ${s.name}`));
      }
    }

    for (const { plate, departureInHours, arrivalAfterHours, ...w } of demoWaybills) {
      const v = required(demoVehicles.find((d) => d.plate === plate), `vehicle ${plate}`);
      const departure = today.getTime() + departureInHours * 3_600_000;
      await insertRecord(tx, waybillsModule, {
        ...w, enterpriseId: enterpriseId(v.enterpriseCode), vehicleId: required(vehicleIds.get(plate), `vehicle ${plate}`),
        driverId: required(staffIds.get(v.driver.idNumber), `driver of ${plate}`), escortId: required(staffIds.get(v.escort.idNumber), `escort of ${plate}`),
        departureAt: new Date(departure).toISOString(),
        arrivalAt: arrivalAfterHours === null ? null : new Date(departure + arrivalAfterHours * 3_600_000).toISOString(),
      });
    }

    for (const g of demoGeofences) await insertRecord(tx, geofencesModule, g);
    for (const { enterpriseCode, ...r } of demoEmergencyResources) {
      await insertRecord(tx, emergencyResourcesModule, { ...r, enterpriseId: enterpriseCode ? enterpriseId(enterpriseCode) : null });
    }

    const placementOf = (o: (typeof demoUsers)[number]['organization']) => {
      if ('key' in o) {
        const org = required(demoOrganizations.find((d) => d.key === o.key), `organisation ${o.key}`);
        return { id: required(orgIds.get(o.key), `organisation ${o.key}`), kind: org.kind as string, regionCode: org.regionCode, enterpriseId: null };
      }
      const e = required(allDemoEnterprises.find((d) => d.code === o.enterpriseCode), `enterprise ${o.enterpriseCode}`);
      return { id: required(enterpriseOrgIds.get(e.code), `organisation of ${e.code}`), kind: 'enterprise', regionCode: e.regionCode, enterpriseId: enterpriseId(e.code) };
    };
    for (const [i, u] of demoUsers.entries()) {
      // Placed as user management places accounts: region and park from a government organisation, the enterprise from an enterprise one.
      const org = placementOf(u.organization);
      await tx.query(
        `insert into users (username, display_name, password_hash, role, region_code, enterprise_id, park_id, organization_id, phone, must_change_password, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, 'demo') on conflict (username) do nothing`,
        [u.username, u.displayName, passwordHashes[i], u.role, org.kind === 'ministry' ? null : org.regionCode, org.enterpriseId, org.kind === 'park' ? org.id : null, org.id, u.phone],
      );
    }
  });
  log.info(
    { enterprises: allDemoEnterprises.length, hazardSources: demoHazardSources.length, vehicles: demoVehicles.length, waybills: demoWaybills.length, geofences: demoGeofences.length, emergencyResources: demoEmergencyResources.length, users: demoUsers.length },
    'demo park loaded',
  );
  return true;
}
