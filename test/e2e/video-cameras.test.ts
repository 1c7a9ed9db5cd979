import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { metricValue, publishRtmp, readFrames, run, testPatternArgs, type RunningProcess } from '../support/ffmpeg.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Api = ReturnType<typeof apiClient>;

/**
 * Site cameras through the embedded node-media-server, with Debian's ffmpeg as camera and as viewer: publish
 * admission from the camera registry, play URLs from our API only, and every refusal counted.
 */
describe('site camera video', () => {
  let sys: System;
  let admin: Api;
  let county: Api;
  let otherRegion: Api;
  let cameraId: number;
  let disabledId: number;
  let streamKey: string;
  let disabledKey: string;
  const publishers: RunningProcess[] = [];
  const rtmp = (key: string) => `rtmp://127.0.0.1:${sys.ports.rtmp}/live/${key}`;
  const metrics = async () => (await fetch(`${sys.urls.http}/metrics`)).text();

  const official = async (username: string, regionCode: string) => {
    const org = await admin.call('POST', '/api/organizations', { name: `${regionCode} 应急管理局`, kind: 'county', regionCode });
    await admin.call('POST', '/api/users', { username, displayName: username, role: 'official', organizationId: org.body.id, password: 'Initial-pass1' });
    const client = apiClient(sys.urls.http);
    await client.login(username, 'Initial-pass1');
    expect((await client.call('POST', '/api/auth/change-password', { oldPassword: 'Initial-pass1', newPassword: 'Video-pass2' })).status).toBe(200);
    return client;
  };

  beforeAll(async () => {
    sys = await startTestSystem({ VIDEO_VIEWER_MAX_BUFFER_BYTES: String(256 * 1024) });
    admin = apiClient(sys.urls.http);
    await admin.login('admin', ADMIN_PASSWORD);
    const ent = await admin.call('POST', '/api/enterprises', { code: '91211321MA0000T01X', name: '朝阳视频化工有限公司', regionCode: '211321' });
    const cam = await admin.call('POST', '/api/cameras', { enterpriseId: ent.body.id, code: 'CAM-V01', name: '罐区球机', enabled: true });
    const off = await admin.call('POST', '/api/cameras', { enterpriseId: ent.body.id, code: 'CAM-V02', name: '停用枪机', enabled: false });
    expect([cam.status, off.status], JSON.stringify([ent.body, cam.body])).toEqual([201, 201]);
    cameraId = cam.body.id;
    disabledId = off.body.id;
    streamKey = (await admin.call('GET', `/api/cameras/${cameraId}`)).body.streamKey;
    disabledKey = (await admin.call('GET', `/api/cameras/${disabledId}`)).body.streamKey;
    county = await official('cy-video', '211321');
    otherRegion = await official('jp-video', '211322');
  });
  afterAll(async () => {
    await Promise.all(publishers.map((p) => p.stop()));
    await sys?.dispose();
  });

  const playUrl = async (api: Api, id = cameraId) => api.call('POST', `/api/cameras/${id}/play-url`);
  const metric = async (reason: string) => metricValue(await metrics(), 'video_refused_total', { reason });

  it('plays a camera that publishes with its key, through a play URL our API issued, once', async () => {
    const camera = publishRtmp(rtmp(streamKey));
    publishers.push(camera);
    await eventually(async () => (await county.call('GET', '/api/video/cameras')).body.items.find((c: { id: number; live: boolean }) => c.id === cameraId)?.live, 'camera live');
    const url = await playUrl(county);
    expect(url.status).toBe(200);
    expect(url.body.flv).not.toContain(streamKey);
    const viewed = await readFrames(url.body.flv, 30);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(viewed.frames).toBeGreaterThanOrEqual(30);

    const replayedBefore = await metric('replayed');
    const again = await fetch(url.body.flv);
    expect(again.status).toBe(403);
    expect(await metric('replayed')).toBe(replayedBefore + 1);
  });

  it('refuses and counts a wrong key and a disabled camera', async () => {
    const before = { unknown: await metric('unknown_key'), disabled: await metric('camera_disabled') };
    const wrong = publishRtmp(rtmp('not-a-camera-key'));
    const disabled = publishRtmp(rtmp(disabledKey));
    publishers.push(wrong, disabled);
    expect(await wrong.exited).not.toBe(0);
    expect(await disabled.exited).not.toBe(0);
    expect(await metric('unknown_key')).toBe(before.unknown + 1);
    expect(await metric('camera_disabled')).toBe(before.disabled + 1);
    expect((await playUrl(county, disabledId)).status).toBe(409);
  });

  it('refuses and counts a publish over HTTP-FLV (POST) and over WS-FLV (publisher subprotocol)', async () => {
    const before = { post: await metric('flv_publish'), ws: await metric('ws_publish') };
    const post = await fetch(`http://127.0.0.1:${sys.ports.videoHttp}/live/${streamKey}.flv`, { method: 'POST', body: Buffer.from('FLV\x01\x01\0\0\0\x09\0\0\0\0') });
    expect(post.status).toBe(405);
    const ws = new WebSocket(`ws://127.0.0.1:${sys.ports.videoHttp}/live/camera-${cameraId}.flv`, 'publisher');
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
    expect(await metric('flv_publish')).toBe(before.post + 1);
    expect(await metric('ws_publish')).toBe(before.ws + 1);
  });

  it('refuses and counts unsigned, expired and foreign play requests, and an RTMP play', async () => {
    const base = `http://127.0.0.1:${sys.ports.videoHttp}/live/camera-${cameraId}.flv`;
    const before = { unsigned: await metric('unsigned'), expired: await metric('expired'), foreign: await metric('foreign'), unknown: await metric('unknown_stream'), rtmp: await metric('rtmp_play') };
    expect((await fetch(base)).status).toBe(403);
    const expired = sys.video!.tokens.issue({ stream: `camera-${cameraId}`, userId: 1, expiresAt: Date.now() - 1 });
    expect((await fetch(`${base}?token=${expired}`)).status).toBe(403);
    const forOther = sys.video!.tokens.issue({ stream: `camera-${disabledId}`, userId: 1, expiresAt: Date.now() + 60_000 });
    expect((await fetch(`${base}?token=${forOther}`)).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${sys.ports.videoHttp}/live/${streamKey}.flv`)).status).toBe(404);
    const rtmpPlay = run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-rw_timeout', '5000000', '-i', rtmp(streamKey), '-frames:v', '1', '-f', 'null', '-']);
    expect(await rtmpPlay.exited).not.toBe(0);
    expect(await metric('unsigned')).toBe(before.unsigned + 1);
    expect(await metric('expired')).toBe(before.expired + 1);
    expect(await metric('foreign')).toBe(before.foreign + 1);
    expect(await metric('unknown_stream')).toBe(before.unknown + 1);
    expect(await metric('rtmp_play')).toBe(before.rtmp + 1);
  });

  it('gives a user of another region no play URL, and counts it', async () => {
    const before = await metric('out_of_scope');
    const res = await playUrl(otherRegion);
    expect(res.status).toBe(404);
    expect((await otherRegion.call('GET', '/api/video/cameras')).body.items).toEqual([]);
    expect(await metric('out_of_scope')).toBe(before + 1);
  });

  it('ends viewers when the publisher leaves, and drops a viewer that does not read', async () => {
    const watching = run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', (await playUrl(county)).body.flv, '-f', 'null', '-']);
    await eventually(() => (sys.video!.media.viewers(`camera-${cameraId}`) === 1 ? true : null), 'viewer attached');
    expect(watching.child.exitCode).toBeNull();
    await publishers[0].stop();
    await eventually(() => watching.child.exitCode !== null || watching.child.signalCode !== null, 'viewer ended after the publisher left');

    // A constant 8 Mbit/s of filler, so a viewer that never reads fills the socket buffers within seconds.
    const heavy = run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...testPatternArgs({ size: '640x360' }), '-b:v', '8M', '-minrate', '8M', '-maxrate', '8M', '-bufsize', '1M', '-x264-params', 'nal-hrd=cbr:filler=1', '-f', 'flv', rtmp(streamKey)]);
    publishers.push(heavy);
    await eventually(async () => (await county.call('GET', '/api/video/cameras')).body.items.find((c: { id: number; live: boolean }) => c.id === cameraId)?.live, 'camera live again');
    const droppedBefore = metricValue(await metrics(), 'video_viewers_dropped_total');
    const req = http.get((await playUrl(county)).body.flv, (res) => res.pause());
    req.on('error', () => undefined);
    await eventually(async () => metricValue(await metrics(), 'video_viewers_dropped_total') > droppedBefore, 'slow viewer dropped', 45_000);
    req.destroy();
  });
});
