import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Database } from '../platform/db/database.ts';
import type { Accounts } from '../platform/auth/accounts.ts';
import type { RegistryDirectory } from '../registry/registry-directory.ts';
import { RegistryRepository } from '../registry/registry-repository.ts';
import { registryModules } from '../registry/modules/all-modules.ts';
import { hashDeviceSecret, newDeviceSecret } from '../registry/device-secrets.ts';
import { generateSecret } from '../platform/auth/passwords.ts';
import type { AlarmChange, AlarmStore } from '../alerts/alarm-store.ts';
import { RuleStore } from '../alerts/rule-store.ts';
import type { SensorLiveState } from '../monitor/live-state/sensor-live-state.ts';
import type { VehicleLiveState } from '../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../monitor/telemetry-store/telemetry-reader.ts';
import { authentication } from './plugins/authentication.ts';
import { errorHandler } from './plugins/error-handler.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { alarmRoutes } from './routes/alarm-routes.ts';
import { alarmRuleRoutes } from './routes/alarm-rule-routes.ts';
import { registryRoutes } from './routes/registry-routes.ts';
import { deviceSecretRoutes } from './routes/device-secret-routes.ts';
import { unboundTerminalRoutes } from './routes/unbound-terminal-routes.ts';
import { vehicleTerminalRoutes } from './routes/vehicle-terminal-routes.ts';
import { moduleRoutes } from './routes/module-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { enterpriseRoutes } from './routes/enterprise-routes.ts';
import { transportRoutes } from './routes/transport-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { regionRoutes } from './routes/region-routes.ts';
import { monitorRoutes } from './routes/monitor-routes.ts';
import { healthRoutes, type ComponentHealth } from './routes/health-routes.ts';
import { forwardSosAcknowledgement, jt808CommandRoutes, type Jt808RouteDeps } from './routes/jt808-command-routes.ts';
import { sendAcknowledgementText } from './routes/alarm-tts.ts';
import { alarmHistoryRoutes } from './routes/alarm-history-routes.ts';
import { alarmNotificationRoutes } from './routes/alarm-notification-routes.ts';
import { alarmSlaRoutes } from './routes/alarm-sla-routes.ts';
import { alarmAttachmentRoutes } from './routes/alarm-attachment-routes.ts';
import { vocabularyRoutes } from './routes/vocabulary-routes.ts';
import { wallRoutes } from './routes/wall-routes.ts';
import { monitorDetailRoutes } from './routes/monitor-detail-routes.ts';
import { videoRoutes, type VideoRouteDeps } from './routes/video-routes.ts';
import { mapRoutes, type MapTiles } from './routes/map-routes.ts';
import type { SlaDefaults } from '../alerts/sla/sla-monitor.ts';
import { WebhookTargetPolicy } from '../alerts/notifications/webhook-target.ts';

export interface AppDeps {
  db: Database;
  accounts: Accounts;
  directory: RegistryDirectory;
  alarms: AlarmStore;
  /** The alarm engine's rule store, so edits reach it; a fresh one when absent (inject() tests). */
  rules?: RuleStore;
  publishAlarmChange: (change: AlarmChange) => void;
  sensorLive: SensorLiveState;
  vehicleLive: VehicleLiveState;
  vehicleOnline: (vehicleId: number) => boolean;
  reader: TelemetryReader;
  health: () => Promise<ComponentHealth>;
  metricsRegistry: Registry;
  log: Logger;
  /** Commands down to JT/T 808 terminals and their uploaded media; absent in tests without a gateway. */
  jt808?: Omit<Jt808RouteDeps, 'db'>;
  /** Acknowledge and dispose deadlines where no policy row applies; domain.md defaults when absent. */
  slaDefaults?: SlaDefaults;
  /** Where 处置反馈 attachments are stored (`<dataDir>/attachments`); no attachment routes when absent. */
  dataDir?: string;
  /** Webhook hosts allowed although they are on a local or private address (NOTIFY_WEBHOOK_ALLOW_HOSTS). */
  webhookAllowHosts?: readonly string[];
  /** Live video: play URLs, camera states, truck channels, layouts, alarm snapshots and clips; absent without a media server. */
  video?: Omit<VideoRouteDeps, 'db' | 'alarms'>;
  /** A tileset for the wall map (MAP_TILE_URL, MAP_TILE_CRS); the offline base map when absent. */
  mapTiles?: MapTiles | null;
  /** The platform clock for date-based answers such as expiry warnings; the system time when absent. */
  clock?: () => Date;
}

/** The built pages (web/frontend → web/dist, platform/setup/ensure-frontend.sh). */
export const pagesDir = fileURLToPath(new URL('./dist/', import.meta.url));
const packageDir = (name: string) => path.dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));
// CJK web font from npm, split by unicode-range, for /docs: Swagger UI's title and summaries are Chinese.
const fontDir = packageDir('@fontsource/noto-sans-sc');
const docsTheme = [
  '@import url("/vendor/fonts/noto-sans-sc/400.css");',
  '@import url("/vendor/fonts/noto-sans-sc/700.css");',
  '.swagger-ui, .swagger-ui .info .title, .swagger-ui .opblock-summary-description, .swagger-ui .opblock-tag, .swagger-ui .model-title,',
  '.swagger-ui table, .swagger-ui .markdown p, .swagger-ui input, .swagger-ui select, .swagger-ui button { font-family: "Noto Sans SC", sans-serif; }',
].join('\n');

/** The HTTP application: API, OpenAPI docs at /docs, the monitoring wall at /wall/. Tested through inject(). */
export async function build(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger, bodyLimit: 1024 * 1024, trustProxy: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: { title: '危险化学品安全监测预警平台 API', version: '0.1.0', description: 'MQTT、JT/T 808 接入与报警处置的 HTTP 接口。认证：Authorization: Bearer <token>。' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', theme: { title: '接口文档 · 危险化学品安全监测预警平台', css: [{ filename: 'cjk-font.css', content: docsTheme }] } });
  await app.register(rateLimit, { global: false });
  await app.register(errorHandler);
  await app.register(authentication, { accounts: deps.accounts });

  await app.register(vocabularyRoutes);
  await app.register(healthRoutes, { health: deps.health, registry: deps.metricsRegistry });
  await app.register(authRoutes, { accounts: deps.accounts, db: deps.db });
  const jt808 = deps.jt808;
  const sosAck = jt808 && forwardSosAcknowledgement(jt808.commands, deps.log.child({ component: 'jt808' }));
  const sosText = jt808 && sendAcknowledgementText(jt808.commands, deps.log.child({ component: 'jt808' }));
  await app.register(alarmRoutes, {
    alarms: deps.alarms,
    db: deps.db,
    publish: deps.publishAlarmChange,
    onAcknowledged: sosAck && sosText ? (alarm, opts) => (sosAck(alarm), sosText(alarm, opts.ttsText)) : undefined,
  });
  await app.register(alarmHistoryRoutes, { db: deps.db });
  if (deps.dataDir) await app.register(alarmAttachmentRoutes, { alarms: deps.alarms, dataDir: deps.dataDir });
  await app.register(alarmNotificationRoutes, { db: deps.db, webhookTargets: new WebhookTargetPolicy(deps.webhookAllowHosts) });
  await app.register(alarmSlaRoutes, { db: deps.db, defaults: deps.slaDefaults ?? { ackMinutes: 5, disposeMinutes: 120 } });
  const rules = deps.rules ?? new RuleStore(deps.db);
  await app.register(alarmRuleRoutes, { rules });
  if (deps.jt808) await app.register(jt808CommandRoutes, { db: deps.db, ...deps.jt808 });
  if (deps.video) await app.register(videoRoutes, { db: deps.db, alarms: deps.alarms, ...deps.video });

  const invalidate = () => deps.directory.invalidate();
  // Platform-generated secrets, shown once in the create answer.
  const createColumns: Record<string, () => { columns: Record<string, unknown>; reveal: Record<string, unknown> }> = {
    devices: () => {
      const secret = newDeviceSecret();
      return { columns: { secret_hash: hashDeviceSecret(secret) }, reveal: { secret } };
    },
    cameras: () => ({ columns: { stream_key: generateSecret(24) }, reveal: {} }),
  };
  await app.register(enterpriseRoutes, { db: deps.db, onChange: invalidate });
  await app.register(transportRoutes, { db: deps.db, clock: deps.clock ?? (() => new Date()) });
  for (const m of registryModules) {
    await app.register(registryRoutes(new RegistryRepository(deps.db, m, invalidate), { createColumns: createColumns[m.name] }));
  }
  await app.register(moduleRoutes, { modules: registryModules });
  await app.register(auditRoutes, { db: deps.db });
  await app.register(userRoutes, { db: deps.db, accounts: deps.accounts });
  await app.register(regionRoutes, { db: deps.db });
  await app.register(deviceSecretRoutes, { db: deps.db, onChange: invalidate });
  await app.register(unboundTerminalRoutes, { db: deps.db });
  await app.register(vehicleTerminalRoutes, { db: deps.db, onChange: invalidate });
  await app.register(monitorRoutes, {
    db: deps.db,
    sensorLive: deps.sensorLive,
    vehicleLive: deps.vehicleLive,
    reader: deps.reader,
    vehicleOnline: deps.vehicleOnline,
  });
  await app.register(monitorDetailRoutes, {
    db: deps.db,
    sensorLive: deps.sensorLive,
    vehicleLive: deps.vehicleLive,
    vehicleOnline: deps.vehicleOnline,
    reader: deps.reader,
    rules,
    clock: deps.clock ?? (() => new Date()),
  });
  await app.register(wallRoutes, { db: deps.db, sensorLive: deps.sensorLive, vehicleOnline: deps.vehicleOnline, clock: deps.clock ?? (() => new Date()) });
  await app.register(mapRoutes, { db: deps.db, tiles: deps.mapTiles ?? null });

  if (existsSync(pagesDir)) {
    await app.register(fastifyStatic, {
      root: pagesDir,
      prefix: '/',
      index: ['index.html'],
      // Built assets carry a content hash in their names; the HTML pages do not and are revalidated.
      setHeaders: (reply, file) => reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    deps.log.warn({ pagesDir }, '前端页面尚未构建：运行 npm start 或 bash platform/setup/ensure-frontend.sh');
    const unbuilt = (_req: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('前端页面尚未构建：请运行 npm start（或 bash platform/setup/ensure-frontend.sh）后刷新。');
    app.get('/wall/', { schema: { hide: true } }, unbuilt);
    app.get('/admin/', { schema: { hide: true } }, unbuilt);
  }
  await app.register(fastifyStatic, { root: fontDir, prefix: '/vendor/fonts/noto-sans-sc/', decorateReply: false, maxAge: '30d', immutable: true });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/wall/'));
  return app;
}
