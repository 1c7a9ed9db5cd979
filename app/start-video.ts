import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { MediaServer } from '../ingest/video/media-server.ts';
import { PlayTokens } from '../ingest/video/play-token.ts';
import { CameraStreams, cameraPath, type CameraStream } from '../ingest/video/camera-streams.ts';
import { RtspRelay, type RelayState } from '../ingest/video/rtsp-relay.ts';
import { VideoLiveness } from '../ingest/video/video-liveness.ts';
import type { LiveChannel } from '../web/live/live-channel.ts';
import { AlarmVideoLinkage } from '../web/video/alarm-video-linkage.ts';
import { AlarmVideoCapture } from '../web/video/alarm-video-capture.ts';
import { StreamRing } from '../ingest/video/stream-ring.ts';
import { startMediaListener } from '../ingest/jt1078/media-listener.ts';
import { LiveChannels } from '../ingest/jt1078/live-channels.ts';
import type { Jt808CommandPort } from '../ingest/jt808/gateway/jt808-server.ts';
import type { VideoRouteDeps } from '../web/routes/video-routes.ts';
import type { Storage } from './start-storage.ts';
import type { Alerts } from './start-alerts.ts';
import { startPart } from './part.ts';

const cameraOf = (c: CameraStream) => ({ id: c.id, name: c.name, enterpriseId: c.enterpriseId, regionCode: c.regionCode });

/**
 * Live video: node-media-server behind our listeners (RTMP_PORT in, VIDEO_HTTP_PORT out), camera publish admission
 * from the registry, RTSP relays, and the video_offline alarm. The wall's live channel is attached once HTTP runs.
 */
export function startVideo(config: Config, log: Logger, { db, directory, metrics }: Storage, { engine }: Alerts, commands: Jt808CommandPort, opts: { now?: () => number } = {}) {
  return startPart(log, async (onStop) => {
    const vlog = log.child({ component: 'video' });
    const now = opts.now ?? Date.now;
    let wall: LiveChannel | null = null;
    const cameras = new CameraStreams(db);
    await cameras.reload();
    const tokens = new PlayTokens({ now });
    const media = new MediaServer({
      host: config.http.host,
      rtmpPort: config.rtmp.port,
      httpPort: config.video.httpPort,
      tokens,
      admitPublish: (key) => cameras.admitPublish(key),
      playPath: (stream) => cameras.playPath(stream),
      maxViewerBufferBytes: config.video.viewerMaxBufferBytes,
      onRefused: (reason) => metrics.videoRefused.inc({ reason }),
      onViewerDropped: () => metrics.videoViewersDropped.inc(),
      log: vlog,
    });
    const ports = await media.start();
    onStop('media server', () => media.stop());
    const rtmpBase = `rtmp://127.0.0.1:${ports.rtmpPort}`;

    const liveness = new VideoLiveness({ timeoutMs: config.video.offlineTimeoutS * 1000, now }, (e) => engine.onVideoState(e));
    const sweep = setInterval(() => liveness.sweep(), 1000);
    sweep.unref();
    onStop('video liveness', async () => clearInterval(sweep));

    const relays = new Map<number, { relay: RtspRelay; pullUrl: string }>();
    const syncRelays = () => {
      for (const c of cameras.all()) {
        const want = c.enabled && c.pullUrl ? c.pullUrl : null;
        const have = relays.get(c.id);
        if (have && have.pullUrl === want) continue;
        if (have) void have.relay.stop(), relays.delete(c.id), liveness.forget(c.id);
        if (!want) continue;
        const relay = new RtspRelay({
          pullUrl: want,
          pushUrl: `${rtmpBase}${cameraPath(c)}`,
          ffmpegPath: config.video.ffmpegPath,
          transport: config.video.rtspTransport,
          log: vlog.child({ cameraId: c.id }),
          now,
          onRestart: () => metrics.videoRelayRestarts.inc(),
          onStateChange: (state) => {
            if (state.state === 'backoff') liveness.unpublished(cameraOf(c), 'relay_failed', state.lastError ?? undefined);
            wall?.videoState(c, { kind: 'camera', id: c.id, stream: `camera-${c.id}`, live: media.isLive(`camera-${c.id}`), relay: state });
          },
        });
        relays.set(c.id, { relay, pullUrl: want });
        liveness.expect(cameraOf(c));
        relay.start();
      }
      for (const [id, { relay }] of relays) if (!cameras.get(id)) void relay.stop(), relays.delete(id), liveness.forget(id);
    };
    const onRegistryChange = async () => {
      const before = new Map(cameras.all().map((c) => [c.id, c]));
      await cameras.reload();
      for (const [id, old] of before) {
        const cam = cameras.get(id);
        if (!cam || !cam.enabled || cam.streamKey !== old.streamKey) {
          media.endPublish(cameraPath(old));
          if (!cam || !cam.enabled) liveness.forget(id);
        }
      }
      syncRelays();
    };
    directory.onInvalidate(() => void onRegistryChange().catch((err: Error) => vlog.error({ err }, 'camera reload failed')));
    syncRelays();
    onStop('rtsp relays', async () => void (await Promise.all([...relays.values()].map(({ relay }) => relay.stop()))));

    // The last seconds of every live camera, for snapshots and the "before" part of alarm clips.
    const rings = new Map<string, { ring: StreamRing; untap: () => void }>();
    const ringKeepMs = (config.video.clipBeforeS + 5) * 1000;
    media.onPublish((stream, path) => {
      metrics.videoStreamsLive.inc();
      const cam = cameras.byStream(stream);
      if (!cam) return;
      rings.get(stream)?.untap();
      const ring = new StreamRing({ keepMs: ringKeepMs, maxBytes: 64 * 1024 * 1024 });
      rings.set(stream, { ring, untap: media.tap(path, (msg) => ring.push(msg)) });
      liveness.published(cameraOf(cam));
      wall?.videoState(cam, { kind: 'camera', id: cam.id, stream, live: true, relay: relays.get(cam.id)?.relay.state() ?? null });
    });
    media.onUnpublish((stream) => {
      metrics.videoStreamsLive.dec();
      const tapped = rings.get(stream);
      rings.delete(stream);
      tapped?.untap();
      const cam = cameras.byStream(stream);
      if (!cam || !cam.enabled) return;
      const relay = relays.get(cam.id)?.relay;
      liveness.unpublished(cameraOf(cam), relay ? 'relay_failed' : 'stopped', relay?.state().lastError ?? undefined);
      wall?.videoState(cam, { kind: 'camera', id: cam.id, stream, live: false, relay: relay?.state() ?? null });
    });

    const mediaHost = config.jt1078.publicHost ?? (config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host);
    let mediaPort = 0;
    const channels = new LiveChannels({
      commands,
      terminalPhone: async (id) => (await db.query<{ terminal_phone: string | null }>('select terminal_phone from vehicles where id = $1', [id]))[0]?.terminal_phone ?? null,
      media,
      mediaAddress: () => ({ host: mediaHost, port: mediaPort }),
      idleCloseMs: config.jt1078.idleCloseS * 1000,
      now,
      log: log.child({ component: 'jt1078' }),
    });
    const listener = await startMediaListener({
      port: config.jt1078.port,
      host: config.http.host,
      claim: (sim, channel, remote, closeConnection) => channels.claim(sim, channel, remote, closeConnection),
      metrics,
      log: log.child({ component: 'jt1078' }),
    });
    mediaPort = listener.port;
    onStop('1078 listener', () => listener.close());
    const channelSweep = setInterval(() => channels.sweep(), 1000);
    channelSweep.unref();
    onStop('1078 channels', async () => (clearInterval(channelSweep), channels.closeAll()));

    const capture = new AlarmVideoCapture({
      db,
      dataDir: config.dataDir,
      ring: (stream) => rings.get(stream)?.ring,
      cameraName: (id) => cameras.get(id)?.name ?? `camera-${id}`,
      ffmpegPath: config.video.ffmpegPath,
      clipBeforeMs: config.video.clipBeforeS * 1000,
      clipAfterMs: config.video.clipAfterS * 1000,
      log: vlog,
    });
    const linkage = new AlarmVideoLinkage({
      db,
      isLive: (s) => media.isLive(s),
      openChannel: (vehicleId, channel) => channels.open(vehicleId, channel),
      sosChannel: config.jt1078.sosChannel,
      wall: (scope, event) => wall?.videoOpen(scope, event),
      capture: (alarm, ids) => void capture.capture(alarm, ids),
      log: vlog,
      now,
    });
    engine.onChange((change) => linkage.onAlarmChange(change));

    const routes: Omit<VideoRouteDeps, 'db' | 'alarms'> = {
      tokens,
      cameras,
      media: { httpPort: () => ports.httpPort, publicBase: config.video.publicUrl, isLive: (s) => media.isLive(s) },
      relays: { state: (id): RelayState | null => relays.get(id)?.relay.state() ?? null },
      channels: { open: (vehicleId, channel) => channels.open(vehicleId, channel) },
      playTtlS: config.video.playTtlS,
      onRefused: (reason) => metrics.videoRefused.inc({ reason }),
      now,
    };
    return {
      media,
      cameras,
      tokens,
      ports: { ...ports, jt1078Port: listener.port },
      channels,
      routes,
      attachWall: (live: LiveChannel) => void (wall = live),
      health: async () => {
        const failing = [...relays.entries()].filter(([, r]) => r.relay.state().state === 'backoff').map(([id]) => id);
        return {
          video: {
            ok: true,
            detail: `rtmp :${ports.rtmpPort}, flv :${ports.httpPort}, jt1078 :${listener.port} (${listener.connections()} connections), relays ${relays.size}${failing.length ? ` (failing: cameras ${failing.join(', ')})` : ''}`,
          },
        };
      },
    };
  });
}

export type Video = Awaited<ReturnType<typeof startVideo>>;
