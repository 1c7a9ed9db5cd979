import path from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
const optionalText = z.string().trim().min(1).optional();

const envSchema = z
  .object({
    HTTP_PORT: port(3000),
    HTTP_HOST: z.string().default('0.0.0.0'),
    MQTT_PORT: port(1883),
    JT808_PORT: port(7611),
    RTMP_PORT: port(1935),
    VIDEO_ENABLED: flag(true),
    VIDEO_HTTP_PORT: port(8000),
    VIDEO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    VIDEO_PLAY_TTL_S: z.coerce.number().int().min(5).max(3600).default(60),
    VIDEO_VIEWER_MAX_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).default(8 * 1024 * 1024),
    VIDEO_OFFLINE_TIMEOUT_S: z.coerce.number().int().min(1).max(86_400).default(60),
    VIDEO_CLIP_BEFORE_S: z.coerce.number().int().min(0).max(300).default(30),
    VIDEO_CLIP_AFTER_S: z.coerce.number().int().min(1).max(600).default(60),
    FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
    VIDEO_RTSP_TRANSPORT: z.enum(['tcp', 'udp']).default('tcp'),
    JT1078_PORT: port(7612),
    JT1078_PUBLIC_HOST: optionalText,
    JT1078_IDLE_CLOSE_S: z.coerce.number().int().min(5).max(3600).default(60),
    JT1078_SOS_CHANNEL: z.coerce.number().int().min(1).max(255).default(1),
    JT808_IDLE_TIMEOUT_S: z.coerce.number().int().min(10).max(3600).default(180),
    JT808_LENIENT_CHECKSUM: flag(false),
    JT808_STRICT: flag(false),
    JT808_COMMAND_TIMEOUT_S: z.coerce.number().int().min(1).max(120).default(10),
    JT808_SOCKET_PROCESSES: z.coerce.number().int().min(0).max(64).default(0),
    DATA_DIR: z.string().min(1).default('./var'),
    INFLUX_URL: z.url({ protocol: /^https?$/ }).optional(),
    INFLUX_TOKEN: optionalText,
    INFLUX_USERNAME: optionalText,
    INFLUX_PASSWORD: optionalText,
    INFLUX_DATABASE: z.string().min(1).default('hazwatch'),
    INFLUX_ORG: optionalText,
    INFLUX_BUCKET: optionalText,
    INFLUX_API: z.enum(['auto', 'v1', 'v2']).default('auto'),
    INFLUXD_PATH: z.string().default('influxd'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
    DEMO: flag(true),
    SENSOR_RETENTION_DAYS: z.coerce.number().int().min(30, 'law requires at least 30 days').default(90),
    TRACK_RETENTION_DAYS: z.coerce.number().int().min(180, 'tracks are kept at least 6 months').default(190),
    ALARM_ACK_MINUTES: z.coerce.number().int().min(1).default(5),
    ALARM_DISPOSE_MINUTES: z.coerce.number().int().min(1).default(120),
    ALARM_RETENTION_YEARS: z.coerce.number().int().min(3, 'violation records are kept at least 3 years').default(3),
    PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    NOTIFY_WEBHOOK_ALLOW_HOSTS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)),
    SPOOL_MAX_BYTES: z.coerce.number().int().min(1024 * 1024, 'at least 1 MiB').default(1024 * 1024 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAP_TILE_URL: z
      .string()
      .trim()
      .regex(/^(https?:\/\/|\/)\S*\{z\}\S*$/, 'an http(s) or server-relative URL template with {z}, {x} and {y}')
      .refine((u) => u.includes('{x}') && u.includes('{y}'), 'needs {x} and {y}')
      .optional(),
    MAP_TILE_CRS: z.enum(['WGS-84', 'GCJ-02']).default('WGS-84'),
    MAP_TILE_SUBDOMAINS: optionalText,
    MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
  })
  .refine((e) => !(e.INFLUX_USERNAME && !e.INFLUX_PASSWORD), {
    path: ['INFLUX_PASSWORD'],
    message: 'required when INFLUX_USERNAME is set',
  });

export type Config = ReturnType<typeof configFromEnv>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])] ?? null)})`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST },
    mqtt: { port: e.MQTT_PORT },
    spool: { dir: path.join(dataDir, 'spool'), deadLetterDir: path.join(dataDir, 'dead-letter'), maxBytes: e.SPOOL_MAX_BYTES },
    jt808: { port: e.JT808_PORT, idleTimeoutS: e.JT808_IDLE_TIMEOUT_S, lenientChecksum: e.JT808_LENIENT_CHECKSUM, strict: e.JT808_STRICT, commandTimeoutS: e.JT808_COMMAND_TIMEOUT_S, socketProcesses: e.JT808_SOCKET_PROCESSES },
    rtmp: { port: e.RTMP_PORT },
    video: {
      enabled: e.VIDEO_ENABLED,
      httpPort: e.VIDEO_HTTP_PORT,
      publicUrl: e.VIDEO_PUBLIC_URL?.replace(/\/$/, ''),
      playTtlS: e.VIDEO_PLAY_TTL_S,
      viewerMaxBufferBytes: e.VIDEO_VIEWER_MAX_BUFFER_BYTES,
      offlineTimeoutS: e.VIDEO_OFFLINE_TIMEOUT_S,
      clipBeforeS: e.VIDEO_CLIP_BEFORE_S,
      clipAfterS: e.VIDEO_CLIP_AFTER_S,
      ffmpegPath: e.FFMPEG_PATH,
      rtspTransport: e.VIDEO_RTSP_TRANSPORT,
    },
    jt1078: { port: e.JT1078_PORT, publicHost: e.JT1078_PUBLIC_HOST, idleCloseS: e.JT1078_IDLE_CLOSE_S, sosChannel: e.JT1078_SOS_CHANNEL },
    dataDir,
    influx: {
      url: e.INFLUX_URL,
      token: e.INFLUX_TOKEN,
      username: e.INFLUX_USERNAME,
      password: e.INFLUX_PASSWORD,
      database: e.INFLUX_DATABASE,
      org: e.INFLUX_ORG,
      bucket: e.INFLUX_BUCKET ?? e.INFLUX_DATABASE,
      api: e.INFLUX_API,
      influxdPath: e.INFLUXD_PATH,
      sensorRetentionDays: e.SENSOR_RETENTION_DAYS,
      trackRetentionDays: e.TRACK_RETENTION_DAYS,
    },
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.ADMIN_PASSWORD,
    demo: e.DEMO,
    alarms: { sla: { ackMinutes: e.ALARM_ACK_MINUTES, disposeMinutes: e.ALARM_DISPOSE_MINUTES }, retentionYears: e.ALARM_RETENTION_YEARS, webhookAllowHosts: e.NOTIFY_WEBHOOK_ALLOW_HOSTS },
    map: { tiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, crs: e.MAP_TILE_CRS, subdomains: e.MAP_TILE_SUBDOMAINS ?? null, maxZoom: e.MAP_TILE_MAX_ZOOM } : null },
    sessionTtlHours: e.SESSION_TTL_HOURS,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}
