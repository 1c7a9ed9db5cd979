import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Alarm } from '../../alerts/alarm-store.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/auth/scope.ts';
import { ScopedRecords } from '../scoped-records.ts';
import type { CommandOutcome, Jt808Command, Jt808CommandPort } from '../../ingest/jt808/gateway/jt808-server.ts';
import {
  alarmAckCommand,
  deleteGeofencesCommand,
  setGeofenceCommand,
  setParamsCommand,
  takePhotoCommand,
  textCommand,
  SOS_ALARM_BIT,
} from '../../ingest/jt808/gateway/commands.ts';
import { MEDIA_CONTENT_TYPES, type Jt808MediaStore } from '../../ingest/jt808/media/media-store.ts';

export interface Jt808RouteDeps {
  db: Database;
  commands: Jt808CommandPort;
  media: Jt808MediaStore;
}

const RESULT_TEXT: Record<number, string> = { 0: '成功', 1: '失败', 2: '消息有误', 3: '不支持' };
const PHOTO_RESULT_TEXT: Record<number, string> = { 0: '成功', 1: '失败', 2: '通道不支持' };

const vehicleParams = z.object({ id: z.coerce.number().int().positive() });
const dword = z.number().int().min(0).max(0xffffffff);
const word = z.number().int().min(0).max(0xffff);
const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
// Sizes keep every body within one frame (1,023 bytes), 2019 names and night speeds included.
const areaRules = {
  id: z.number().int().min(1).max(0xffffffff),
  name: z.string().max(40).optional(),
  window: z.object({ start: z.coerce.date(), end: z.coerce.date() }).optional(),
  speedLimit: z.object({ maxKmh: z.number().int().min(1).max(300), overspeedS: z.number().int().min(0).max(255), nightMaxKmh: z.number().int().min(1).max(300).optional() }).optional(),
  alarmOnEnter: z.boolean().default(false),
  alarmOnExit: z.boolean().default(false),
};
const geofence = z.discriminatedUnion('shape', [
  z.object({ shape: z.literal('circle'), center: latLon, radiusM: z.number().int().min(1).max(1_000_000), ...areaRules }),
  z.object({ shape: z.literal('rectangle'), topLeft: latLon, bottomRight: latLon, ...areaRules }),
  z.object({ shape: z.literal('polygon'), vertices: z.array(latLon).min(3).max(100), ...areaRules }),
  z.object({ shape: z.literal('route'), points: z.array(latLon.extend({ widthM: z.number().int().min(1).max(255) })).min(2).max(35), ...areaRules }),
]);

const safetyParams = z
  .object({
    heartbeatS: dword.min(1).optional(),
    maxSpeedKmh: dword.optional(),
    overspeedDurationS: dword.optional(),
    continuousDrivingS: dword.optional(),
    dailyDrivingS: dword.optional(),
    minRestS: dword.optional(),
    maxParkingS: dword.optional(),
    overspeedWarningDelta: word.optional(),
    fatigueWarningS: word.optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: '至少设置一个参数' });

function answer(reply: FastifyReply, outcome: CommandOutcome, texts: Record<number, string>) {
  if (outcome.status === 'offline') return reply.code(409).send({ error: 'terminal_offline', message: '车载终端不在线' });
  if (outcome.status === 'timeout') return reply.code(504).send({ error: 'terminal_timeout', message: '车载终端未在规定时间内应答' });
  return reply.send({
    ok: outcome.result === 0,
    result: outcome.result,
    resultText: texts[outcome.result] ?? `未知结果 ${outcome.result}`,
    ...(outcome.mediaIds ? { mediaIds: outcome.mediaIds } : {}),
  });
}

/** Operator commands down to a vehicle's JT/T 808 terminal, each answered with the terminal's result or a timeout. */
export const jt808CommandRoutes: FastifyPluginAsyncZod<Jt808RouteDeps> = async (app, deps) => {
  const records = new ScopedRecords(deps.db);
  const inScope = (scope: Scope, vehicleId: number) => records.visible(scope, 'vehicles', vehicleId);
  const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'not_found', message: '车辆不存在' });
  const commandRoute = { preHandler: app.requireRole(['admin', 'operator']) };
  const send = async (reply: FastifyReply, vehicleId: number, command: Jt808Command, texts = RESULT_TEXT) =>
    answer(reply, await deps.commands.sendCommand(vehicleId, command), texts);

  app.post(
    '/api/jt808/vehicles/:id/params',
    { ...commandRoute, schema: { tags: ['jt808'], summary: '设置终端参数（0x8103：心跳、限速、疲劳驾驶）', params: vehicleParams, body: safetyParams } },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, setParamsCommand(req.body));
    },
  );

  app.post(
    '/api/jt808/vehicles/:id/text',
    {
      ...commandRoute,
      schema: {
        tags: ['jt808'],
        summary: '下发文本信息（0x8300，可语音播报）',
        params: vehicleParams,
        body: z.object({ text: z.string().trim().min(1).max(300), tts: z.boolean().default(true), urgent: z.boolean().default(false) }),
      },
    },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, textCommand(req.body.text, req.body));
    },
  );

  app.post(
    '/api/jt808/vehicles/:id/geofences',
    {
      ...commandRoute,
      schema: {
        tags: ['jt808'],
        summary: '下发区域/路线（0x8600 圆形、0x8602 矩形、0x8604 多边形、0x8606 路线）',
        params: vehicleParams,
        body: z.object({ mode: z.enum(['replace', 'append', 'modify']).default('append'), fence: geofence }),
      },
    },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, setGeofenceCommand(req.body.fence, req.body.mode));
    },
  );

  app.delete(
    '/api/jt808/vehicles/:id/geofences/:shape',
    {
      ...commandRoute,
      schema: {
        tags: ['jt808'],
        summary: '删除终端上的区域/路线（0x8601/0x8603/0x8605/0x8607；不指定 ids 则全部删除）',
        params: vehicleParams.extend({ shape: z.enum(['circle', 'rectangle', 'polygon', 'route']) }),
        querystring: z.object({
          ids: z
            .string()
            .regex(/^\d+(,\d+)*$/, '以逗号分隔的区域编号')
            .transform((s) => s.split(',').map(Number))
            .pipe(z.array(z.number().int().min(1).max(0xffffffff)).max(125))
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, deleteGeofencesCommand(req.params.shape, req.query.ids ?? []));
    },
  );

  app.post(
    '/api/jt808/vehicles/:id/photo',
    {
      ...commandRoute,
      schema: {
        tags: ['jt808'],
        summary: '立即拍照（0x8801）；照片随后以 0x0801 上传并保存',
        params: vehicleParams,
        body: z.object({ channel: z.number().int().min(1).max(255).default(1), resolution: z.number().int().min(0).max(8).default(0) }),
      },
    },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, takePhotoCommand(req.body.channel, req.body.resolution), PHOTO_RESULT_TEXT);
    },
  );

  app.post(
    '/api/jt808/vehicles/:id/alarm-ack',
    {
      ...commandRoute,
      schema: {
        tags: ['jt808'],
        summary: '人工确认报警（0x8203），终端据此清除紧急报警等需确认的报警位',
        params: vehicleParams,
        body: z.object({ alarmBits: dword.min(1).default(SOS_ALARM_BIT), alarmSerial: word.default(0) }),
      },
    },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      return send(reply, req.params.id, alarmAckCommand(req.body.alarmBits, req.body.alarmSerial));
    },
  );

  app.get(
    '/api/jt808/vehicles/:id/media',
    { preHandler: app.requireUser, schema: { tags: ['jt808'], summary: '终端上传的照片等多媒体', params: vehicleParams } },
    async (req, reply) => {
      if (!(await inScope(req.user!.scope, req.params.id))) return notFound(reply);
      const items = await deps.media.list(req.params.id);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/jt808/media/:id',
    { preHandler: app.requireUser, schema: { tags: ['jt808'], summary: '下载一条多媒体（照片为 JPEG）', params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (req, reply) => {
      const found = await deps.media.read(req.params.id);
      if (!found || !(await inScope(req.user!.scope, found.record.vehicleId))) return reply.code(404).send({ error: 'not_found', message: '多媒体不存在' });
      return reply.type(MEDIA_CONTENT_TYPES[found.record.format] ?? 'application/octet-stream').send(found.data);
    },
  );
};

/**
 * When an operator acknowledges a vehicle's SOS the terminal is told with 0x8203 so it clears its emergency bit.
 * Best effort: the acknowledgement stands whether or not the terminal is online; the outcome is logged.
 */
export function forwardSosAcknowledgement(commands: Jt808CommandPort, log: Logger): (alarm: Alarm) => void {
  return (alarm) => {
    if (alarm.type !== 'sos' || alarm.source.kind !== 'vehicle') return;
    void commands
      .sendCommand(alarm.source.id, alarmAckCommand(SOS_ALARM_BIT))
      .then((outcome) => log.info({ alarmId: alarm.id, vehicleId: alarm.source.id, outcome }, 'SOS acknowledgement sent to the terminal (0x8203)'))
      .catch((err: Error) => log.warn({ alarmId: alarm.id, err: err.message }, 'SOS acknowledgement could not be sent to the terminal'));
  };
}
