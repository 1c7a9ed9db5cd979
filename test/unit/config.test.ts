import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, configFromEnv } from '../../platform/config.ts';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const c = configFromEnv({});
    expect(c.http.port).toBe(3000);
    expect(c.mqtt.port).toBe(1883);
    expect(c.jt808.port).toBe(7611);
    expect(c.rtmp.port).toBe(1935);
    expect(c.dataDir).toBe(path.resolve('./var'));
    expect(c.influx.url).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.influx.sensorRetentionDays).toBe(90);
    expect(c.influx.trackRetentionDays).toBe(190);
  });

  it('turns demo data and the simulator off with DEMO=false', () => {
    expect(configFromEnv({ DEMO: 'false' }).demo).toBe(false);
  });

  it('stops with a message naming every bad variable and what it expects', () => {
    let error: unknown;
    try {
      configFromEnv({ HTTP_PORT: '70000', INFLUX_URL: 'localhost:8086', DATABASE_URL: 'mysql://x', SENSOR_RETENTION_DAYS: '7' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^HTTP_PORT: .*"70000"/m);
    expect(problems).toMatch(/^INFLUX_URL: /m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^SENSOR_RETENTION_DAYS: .*30 days/m);
  });

  it('reads the webhook allow-list as lower-case host names, empty by default', () => {
    expect(configFromEnv({}).alarms.webhookAllowHosts).toEqual([]);
    expect(configFromEnv({ NOTIFY_WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, Hooks.Internal ,' }).alarms.webhookAllowHosts).toEqual(['127.0.0.1', 'hooks.internal']);
  });

  it('takes JT/T 808 terminal quirks unless JT808_STRICT is set, and refuses a value that is no flag', () => {
    expect(configFromEnv({}).jt808.strict).toBe(false);
    expect(configFromEnv({ JT808_STRICT: 'true' }).jt808.strict).toBe(true);
    expect(() => configFromEnv({ JT808_STRICT: 'strict' })).toThrow(/^ {2}- JT808_STRICT: .*"strict"/m);
  });

  it('treats empty variables as unset', () => {
    expect(configFromEnv({ INFLUX_URL: '', HTTP_PORT: '' }).http.port).toBe(3000);
  });
});
