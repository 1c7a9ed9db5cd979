import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../platform/db/database.ts';
import type { AlarmStore } from '../../alerts/alarm-store.ts';
import type { PlayTokens } from '../../ingest/video/play-token.ts';
import { cameraStreamName, vehicleStreamName, type CameraStreams } from '../../ingest/video/camera-streams.ts';
import type { RelayState } from '../../ingest/video/rtsp-relay.ts';
import type { ChannelOpenResult } from '../../ingest/jt1078/live-channels.ts';
import { ScopedRecords } from '../scoped-records.ts';
import { narrowScope, regionParam, regionRefusal } from '../region-selection.ts';

export interface VideoRouteDeps {
  db: Database;
  alarms: AlarmStore;
  tokens: PlayTokens;
  cameras: CameraStreams;
  /** The media server's HTTP-FLV/WS-FLV port, and the base URL players reach it by when it is behind a proxy. */
  media: { httpPort: () => number; publicBase?: string; isLive: (stream: string) => boolean };
  relays?: { state: (cameraId: number) => RelayState | null };
  /** Opens a truck's camera channel on demand (JT/T 1078 0x9101). */
  channels?: { open: (vehicleId: number, channel: number) => Promise<ChannelOpenResult> };
  playTtlS: number;
  onRefused: (reason: string) => void;
  now?: () => number;
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
const channelParams = idParams.extend({ channel: z.coerce.number().int().min(1).max(255) });
const videoSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('camera'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('vehicle'), id: z.number().int().positive(), channel: z.number().int().min(1).max(255) }),
]);
const cameraSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  site: z.string().nullable(),
  enterpriseId: z.number().int(),
  tankId: z.number().int().nullable(),
  hazardSourceId: z.number().int().nullable(),
  enabled: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  stream: z.string(),
  live: z.boolean(),
  source: z.enum(['rtmp', 'rtsp']),
  relay: z
    .object({ state: z.enum(['starting', 'running', 'backoff', 'stopped']), restarts: z.number().int(), since: z.string(), lastError: z.string().nullable(), nextAttemptAt: z.string().nullable() })
    .nullable(),
});
export const videoLayoutSchema = z.object({
  grid: z.union([z.literal(1), z.literal(4), z.literal(9), z.literal(16)]),
  panes: z.array(videoSource.nullable()).max(16),
  patrol: z.object({
    enabled: z.boolean().default(false),
    intervalS: z.number().int().min(5, '轮巡间隔至少 5 秒').max(3600).default(30),
    items: z.array(videoSource).max(200).default([]),
  }),
}).refine((l) => l.panes.length <= l.grid, { path: ['panes'], message: '窗格数不能超过宫格数' });
export type VideoLayout = z.infer<typeof videoLayoutSchema>;
const DEFAULT_LAYOUT: VideoLayout = { grid: 4, panes: [], patrol: { enabled: false, intervalS: 30, items: [] } };


/**
 * Live video: play URLs per user and stream (short-lived, single-use, play only, within the user's scope), camera
 * states for the wall, on-demand truck channels, the per-user video grid, and an alarm's snapshots and clips.
 */
export const videoRoutes: FastifyPluginAsyncZod<VideoRouteDeps> = async (app, deps) => {
  app.addHook('preHandler', app.requireUser);
  const records = new ScopedRecords(deps.db);
  const now = deps.now ?? Date.now;
  const notFound = (reply: FastifyReply, message: string) => {
    deps.onRefused('out_of_scope');
    return reply.code(404).send({ error: 'not_found', message });
  };

  const playUrl = (req: FastifyRequest, stream: string) => {
    const expiresAt = now() + deps.playTtlS * 1000;
    const token = deps.tokens.issue({ stream, userId: req.user!.id, expiresAt });
    const base = deps.media.publicBase ?? `http://${req.hostname.replace(/:\d+$/, '')}:${deps.media.httpPort()}`;
    const path = `/live/${stream}.flv?token=${encodeURIComponent(token)}`;
    return { stream, flv: `${base}${path}`, ws: `${base.replace(/^http/, 'ws')}${path}`, expiresAt: new Date(expiresAt).toISOString(), live: deps.media.isLive(stream) };
  };

  app.post(
    '/api/cameras/:id/play-url',
    { schema: { tags: ['video'], summary: '获取摄像机播放地址（仅播放，限本人、本摄像机，短时有效，一次有效）', params: idParams } },
    async (req, reply) => {
      if (!(await records.visible(req.user!.scope, 'cameras', req.params.id))) return notFound(reply, '摄像机不存在');
      const cam = deps.cameras.get(req.params.id);
      if (!cam?.enabled) return reply.code(409).send({ error: 'camera_disabled', message: '摄像机已停用' });
      return playUrl(req, cameraStreamName(cam.id));
    },
  );

  app.post(
    '/api/vehicles/:id/video/:channel',
    { schema: { tags: ['video'], summary: '打开车载视频通道（JT/T 1078 0x9101），返回播放地址；无人观看一段时间后自动关闭', params: channelParams } },
    async (req, reply) => {
      if (!(await records.visible(req.user!.scope, 'vehicles', req.params.id))) return notFound(reply, '车辆不存在');
      if (!deps.channels) return reply.code(409).send({ error: 'terminal_offline', message: '车载终端不在线' });
      const opened = await deps.channels.open(req.params.id, req.params.channel);
      if (opened.status === 'offline') return reply.code(409).send({ error: 'terminal_offline', message: '车载终端不在线' });
      if (opened.status === 'timeout') return reply.code(504).send({ error: 'terminal_timeout', message: '车载终端未在规定时间内应答' });
      if (opened.status === 'refused') return reply.code(502).send({ error: 'terminal_refused', message: `车载终端拒绝打开视频（结果 ${opened.result}）` });
      return playUrl(req, vehicleStreamName(req.params.id, req.params.channel));
    },
  );

  app.get(
    '/api/video/cameras',
    {
      schema: {
        tags: ['video'],
        summary: '视频监控点位及其状态（推流中、转发状态），限本辖区，可按区域收窄',
        querystring: z.object({ region: regionParam }),
        response: { 200: z.object({ items: z.array(cameraSchema), total: z.number().int() }), 403: z.object({ error: z.string(), message: z.string() }) },
      },
    },
    async (req, reply) => {
      const scope = await narrowScope(deps.db, req.user!.scope, req.query.region);
      if (!scope) return reply.code(403).send(regionRefusal);
      const params: unknown[] = [];
      const rows = await deps.db.query<{ id: number; code: string; name: string; site: string | null; enterprise_id: number; tank_id: number | null; hazard_source_id: number | null; enabled: boolean; lat: number | null; lon: number | null; pull_url: string | null }>(
        `select id, code, name, site, enterprise_id, tank_id, hazard_source_id, enabled, lat, lon, pull_url from cameras where ${records.where(scope, 'cameras', params)} order by id`,
        params,
      );
      const items = rows.map((r) => {
        const stream = cameraStreamName(r.id);
        return {
          id: r.id, code: r.code, name: r.name, site: r.site, enterpriseId: r.enterprise_id, tankId: r.tank_id, hazardSourceId: r.hazard_source_id,
          enabled: r.enabled, lat: r.lat, lon: r.lon, stream, live: deps.media.isLive(stream),
          source: r.pull_url ? ('rtsp' as const) : ('rtmp' as const), relay: r.pull_url ? (deps.relays?.state(r.id) ?? null) : null,
        };
      });
      return { items, total: items.length };
    },
  );

  app.get('/api/video-layout', { schema: { tags: ['video'], summary: '本人的视频宫格布局与轮巡设置' } }, async (req) => {
    const [row] = await deps.db.query<{ layout: VideoLayout }>('select layout from video_layouts where user_id = $1', [req.user!.id]);
    return row?.layout ?? DEFAULT_LAYOUT;
  });

  app.put('/api/video-layout', { schema: { tags: ['video'], summary: '保存本人的视频宫格布局与轮巡设置', body: videoLayoutSchema } }, async (req) => {
    await deps.db.query(
      `insert into video_layouts (user_id, layout, updated_at) values ($1, $2, now())
       on conflict (user_id) do update set layout = excluded.layout, updated_at = now()`,
      [req.user!.id, JSON.stringify(req.body)],
    );
    return req.body;
  });

  app.get('/api/alarms/:id/video', { schema: { tags: ['video'], summary: '报警联动抓拍与录像（按报警的辖区）', params: idParams } }, async (req, reply) => {
    const alarm = await deps.alarms.get(req.params.id, req.user!.scope);
    if (!alarm) return notFound(reply, '报警不存在');
    const rows = await deps.db.query<{ id: string; camera_stream: string; kind: string; file: string; status: string; created_at: Date }>(
      'select id, camera_stream, kind, file, status, created_at from alarm_video_media where alarm_id = $1 order by created_at, kind',
      [alarm.id],
    );
    const items = rows.map((r) => ({
      id: r.id, stream: r.camera_stream, kind: r.kind, status: r.status, createdAt: r.created_at,
      url: r.status === 'ready' ? `/api/alarms/${alarm.id}/attachments/${r.file}` : null,
    }));
    return { items, total: items.length };
  });
};
