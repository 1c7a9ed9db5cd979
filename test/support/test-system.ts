import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { configFromEnv } from '../../platform/config.ts';
import { startSystem, type RunningSystem } from '../../app/system.ts';

export const ADMIN_PASSWORD = 'test-admin-password';

/** The whole system on free ports with a private data dir and its own InfluxDB; no demo data unless asked. */
export async function startTestSystem(env: Record<string, string> = {}): Promise<RunningSystem & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-test-'));
  const config = configFromEnv({
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    MQTT_PORT: '0',
    JT808_PORT: '0',
    RTMP_PORT: '0',
    VIDEO_HTTP_PORT: '0',
    JT1078_PORT: '0',
    DATA_DIR: dataDir,
    DEMO: 'false',
    ADMIN_PASSWORD,
    ...env,
  });
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const system = await startSystem(config, log);
  return {
    ...system,
    dataDir,
    async dispose() {
      await system.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Minimal JSON client for the HTTP API. */
export function apiClient(base: string) {
  let token: string | null = null;
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    get token() {
      return token;
    },
    async login(username: string, password: string) {
      const res = await call('POST', '/api/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      token = res.body.token;
      return res.body;
    },
  };
}

export { eventually } from './eventually.ts';
