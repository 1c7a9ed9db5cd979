import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { startInfluxd } from '../platform/influx/influxd-process.ts';
import { connectInflux, ensureInfluxSchema } from '../platform/influx/influx-connection.ts';
import { Accounts } from '../platform/auth/accounts.ts';
import { ensureAdmin } from '../platform/auth/ensure-admin.ts';
import { createMetrics } from '../platform/metrics.ts';
import { RegistryDirectory } from '../registry/registry-directory.ts';
import { telemetryStores } from '../monitor/telemetry-store/telemetry-schema.ts';
import { loadDemoPark } from '../seeds/load-demo-park.ts';
import { startPart } from './part.ts';

/** InfluxDB (a private influxd unless INFLUX_URL is set), the relational database, accounts, demo data, metrics. */
export function startStorage(config: Config, log: Logger) {
  return startPart(log, async (onStop) => {
    await mkdir(config.dataDir, { recursive: true });

    let influxUrl = config.influx.url;
    if (!influxUrl) {
      const influxd = await startInfluxd({ influxdPath: config.influx.influxdPath, dataDir: config.dataDir, log });
      onStop('influxd', () => influxd.stop());
      influxUrl = influxd.url;
    }
    const influx = await connectInflux({ ...config.influx, url: influxUrl });
    const stores = telemetryStores(config.influx);
    await ensureInfluxSchema(influx, Object.values(stores));
    log.info({ url: influxUrl, version: influx.version, api: influx.api }, 'InfluxDB connected');

    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    onStop('database', () => db.close());
    log.info({ dialect: db.dialect }, 'relational database ready');

    const accounts = new Accounts(db, { sessionTtlHours: config.sessionTtlHours, passwordMaxAgeDays: config.passwordMaxAgeDays });
    const admin = await ensureAdmin(accounts, config.adminPassword);
    if (config.demo) await loadDemoPark(db, log);

    return {
      influx,
      influxUrl,
      stores,
      db,
      accounts,
      admin,
      metrics: createMetrics(),
      directory: new RegistryDirectory(db),
      health: async () => ({
        db: await db.query('select 1').then(() => ({ ok: true }), (err: Error) => ({ ok: false, detail: err.message })),
        influx: (await influx.ping()) ? { ok: true, detail: `${influx.version} (${influx.api})` } : { ok: false, detail: `no answer from ${influxUrl}` },
      }),
    };
  });
}

export type Storage = Awaited<ReturnType<typeof startStorage>>;
