import { InfluxDB, type WriteApi, type WriteOptions } from '@influxdata/influxdb-client';
import type { Config } from '../config.ts';

export type InfluxApi = 'v1' | 'v2';

/** A logical telemetry store: one retention period, a (database, retention policy) pair in 1.x, a bucket in 2.x/3.x. */
export interface TelemetryStoreSpec {
  rp: string;
  retentionDays: number;
}

export interface InfluxConnection {
  readonly api: InfluxApi;
  readonly version: string;
  readonly database: string;
  /** Lines in milliseconds unless `precision` says nanoseconds. */
  writeApi(store: TelemetryStoreSpec, options: Partial<WriteOptions>, precision?: 'ms' | 'ns'): WriteApi;
  /** InfluxQL over GET/POST /query; returns the first statement's series. */
  query(influxql: string): Promise<InfluxSeries[]>;
  ping(): Promise<boolean>;
}

export interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

type InfluxSettings = Config['influx'] & { url: string };

export class InfluxQueryError extends Error {}

export async function connectInflux(settings: InfluxSettings): Promise<InfluxConnection> {
  const base = settings.url.replace(/\/+$/, '');
  const authHeaders: Record<string, string> = settings.token
    ? { Authorization: `Token ${settings.token}` }
    : settings.username
      ? { Authorization: `Basic ${Buffer.from(`${settings.username}:${settings.password ?? ''}`).toString('base64')}` }
      : {};

  const pingRes = await fetch(`${base}/ping`, { headers: authHeaders, signal: AbortSignal.timeout(5000) });
  const version = pingRes.headers.get('x-influxdb-version') ?? 'unknown';
  const api: InfluxApi = settings.api !== 'auto' ? settings.api : /^v?1\./.test(version) ? 'v1' : 'v2';

  const client = new InfluxDB({ url: base, token: settings.token, timeout: 10_000 });

  const runQuery = async (influxql: string): Promise<InfluxSeries[]> => {
    const params = new URLSearchParams({ db: settings.database, q: influxql, epoch: 'ms' });
    const isWrite = /^\s*(create|alter|drop)\b/i.test(influxql);
    let res: Response;
    try {
      res = isWrite
        ? await fetch(`${base}/query`, {
            method: 'POST',
            body: params,
            headers: { ...authHeaders, 'content-type': 'application/x-www-form-urlencoded' },
            signal: AbortSignal.timeout(30_000),
          })
        : await fetch(`${base}/query?${params}`, { headers: authHeaders, signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new InfluxQueryError(`InfluxDB unreachable at ${base}: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new InfluxQueryError(`InfluxDB /query answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { results?: Array<{ error?: string; series?: InfluxSeries[] }>; error?: string };
    const first = body.results?.[0];
    if (body.error || first?.error) throw new InfluxQueryError(`InfluxQL error: ${body.error ?? first?.error} in: ${influxql}`);
    return first?.series ?? [];
  };

  return {
    api,
    version,
    database: settings.database,
    writeApi(store, options, precision = 'ms') {
      const bucket = `${settings.database}/${store.rp}`;
      const writeApi = client.getWriteApi(settings.org ?? '', bucket, precision, options);
      if (api === 'v1') {
        const params = new URLSearchParams({ db: settings.database, rp: store.rp, precision: precision === 'ns' ? 'n' : 'ms' });
        if (settings.username) {
          params.set('u', settings.username);
          params.set('p', settings.password ?? '');
        }
        writeApi.path = `/write?${params}`;
      }
      return writeApi;
    },
    query: runQuery,
    async ping() {
      try {
        const res = await fetch(`${base}/ping`, { headers: authHeaders, signal: AbortSignal.timeout(3000) });
        return res.status === 204 || res.ok;
      } catch {
        return false;
      }
    },
  };
}

/** 1.x: create the database and one retention policy per store (kept in sync with the configured durations). 2.x/3.x buckets are provisioned by the operator. */
export async function ensureInfluxSchema(conn: InfluxConnection, stores: TelemetryStoreSpec[]): Promise<void> {
  if (conn.api !== 'v1') return;
  const db = quoteIdent(conn.database);
  await conn.query(`CREATE DATABASE ${db}`);
  const existing = new Set((await conn.query(`SHOW RETENTION POLICIES ON ${db}`))[0]?.values.map((v) => String(v[0])) ?? []);
  for (const s of stores) {
    const verb = existing.has(s.rp) ? 'ALTER' : 'CREATE';
    await conn.query(`${verb} RETENTION POLICY ${quoteIdent(s.rp)} ON ${db} DURATION ${s.retentionDays}d REPLICATION 1`);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
