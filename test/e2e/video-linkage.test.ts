import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { publishRtmp, run, testPatternArgs, type RunningProcess } from '../support/ffmpeg.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Api = ReturnType<typeof apiClient>;

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as net.AddressInfo;
    s.close(() => resolve(port));
  });
});

/**
 * Alarm linkage and RTSP relay, with Debian's ffmpeg as cameras and VLC as a real RTSP server: a threshold alarm at a
 * linked tank opens its camera on the wall and gets a snapshot and a clip; an RTSP camera is relayed, and killing
 * the RTSP server raises video_offline, bringing it back clears it. VLC's RTSP output serves RTP over UDP only
 * (SETUP over TCP answers 461), so the relay uses VIDEO_RTSP_TRANSPORT=udp here.
 */
describe('video linkage and RTSP relay', () => {
  let sys: System;
  let api: Api;
  let other: Api;
  let socket: Socket;
  let enterpriseId: number;
  const events: Array<{ event: string; payload: any }> = [];
  const procs: RunningProcess[] = [];
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-video-'));
    sys = await startTestSystem({ VIDEO_CLIP_BEFORE_S: '2', VIDEO_CLIP_AFTER_S: '2', VIDEO_OFFLINE_TIMEOUT_S: '3', VIDEO_RTSP_TRANSPORT: 'udp' });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    enterpriseId = (await api.call('POST', '/api/enterprises', { code: '91211321MA0000L01W', name: '联动测试化工有限公司', regionCode: '211321' })).body.id;
    const org = await api.call('POST', '/api/organizations', { name: '建平县应急管理局', kind: 'county', regionCode: '211322' });
    await api.call('POST', '/api/users', { username: 'jp-linkage', displayName: '建平', role: 'official', organizationId: org.body.id, password: 'Initial-pass1' });
    other = apiClient(sys.urls.http);
    await other.login('jp-linkage', 'Initial-pass1');
    await other.call('POST', '/api/auth/change-password', { oldPassword: 'Initial-pass1', newPassword: 'Linkage-pass2' });
    socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
    socket.onAny((event, payload) => events.push({ event, payload }));
    await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
  });
  afterAll(async () => {
    socket?.close();
    await Promise.all(procs.map((p) => p.stop()));
    await sys?.dispose();
    await rm(workDir, { recursive: true, force: true });
  });

  it('a threshold alarm at a linked tank opens its camera on the wall and attaches a snapshot and a clip', async () => {
    const dev = await api.call('POST', '/api/devices', { code: 'GW-L1', name: '联动网关', enterpriseId });
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId, code: 'L101', name: '联动1#罐',
      sensors: [{ code: 'LLT1', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 }],
    });
    const cam = await api.call('POST', '/api/cameras', { enterpriseId, tankId: tank.body.id, code: 'CAM-L1', name: '联动球机' });
    expect(cam.status).toBe(201);
    const key = (await api.call('GET', `/api/cameras/${cam.body.id}`)).body.streamKey;
    procs.push(publishRtmp(`rtmp://127.0.0.1:${sys.ports.rtmp}/live/${key}`));
    await eventually(async () => (await api.call('GET', '/api/video/cameras')).body.items.find((c: any) => c.id === cam.body.id)?.live, 'camera live');
    await new Promise((r) => setTimeout(r, 2500)); // some "before" in the buffer

    const gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: 'GW-L1', password: dev.body.secret, reconnectPeriod: 0 });
    await gateway.publishAsync('devices/GW-L1/telemetry', JSON.stringify({ sensor: 'LLT1', value: 15.6 }), { qos: 1 });
    await gateway.endAsync();
    const open = await eventually(() => events.find((e) => e.event === 'video_open')?.payload, 'video_open');
    expect(open).toMatchObject({ reason: 'alarm', alarmType: 'threshold', panes: [{ kind: 'camera', id: cam.body.id, stream: `camera-${cam.body.id}`, live: true }] });

    const media = await eventually(async () => {
      const items = (await api.call('GET', `/api/alarms/${open.alarmId}/video`)).body.items as Array<{ kind: string; status: string; url: string }>;
      return items.length === 2 && items.every((i) => i.status !== 'recording') ? items : null;
    }, 'snapshot and clip', 40_000);
    expect(media.map((m) => [m.kind, m.status]).sort()).toEqual([['clip', 'ready'], ['snapshot', 'ready']]);
    const download = async (client: Api, url: string) => fetch(`${sys.urls.http}${url}`, { headers: { authorization: `Bearer ${client.token}` } });
    const snapshot = await download(api, media.find((m) => m.kind === 'snapshot')!.url);
    expect(snapshot.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await snapshot.arrayBuffer()).subarray(0, 2).toString('hex')).toBe('ffd8');
    const clipUrl = media.find((m) => m.kind === 'clip')!.url;
    const clip = await download(api, clipUrl);
    expect(clip.headers.get('content-type')).toBe('video/mp4');
    // The clip plays: ffprobe decodes its frames (about before + after seconds at 25 fps).
    const probe = run('ffprobe', ['-v', 'error', '-headers', `authorization: Bearer ${api.token}\r\n`, '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', `${sys.urls.http}${clipUrl}`]);
    expect(await probe.exited, probe.stderr()).toBe(0);
    expect(Number(probe.stdout().trim())).toBeGreaterThanOrEqual(50);

    // Another region sees neither the alarm's video nor its files, nor gets a play URL.
    expect((await other.call('GET', `/api/alarms/${open.alarmId}/video`)).status).toBe(404);
    expect((await download(other, clipUrl)).status).toBe(404);
    expect((await download(other, media.find((m) => m.kind === 'snapshot')!.url)).status).toBe(404);
    expect((await other.call('POST', `/api/cameras/${cam.body.id}/play-url`)).status).toBe(404);
  });

  it('relays an RTSP camera from VLC, raises video_offline when the source dies and clears it when it returns', async () => {
    const rtspPort = await freePort();
    const sample = path.join(workDir, 'sample.mp4');
    const made = run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...testPatternArgs().filter((a) => a !== '-re'), '-t', '120', '-y', sample]);
    expect(await made.exited).toBe(0);
    // VLC refuses to run as root; the nobody account serves the file.
    const vlc = () => run('runuser', ['-u', 'nobody', '--', 'cvlc', '-q', '--loop', sample, '--sout', `#rtp{sdp=rtsp://127.0.0.1:${rtspPort}/cam}`, '--sout-keep'], { group: true });
    await import('node:fs/promises').then((fs) => fs.chmod(workDir, 0o755));
    let server = vlc();
    procs.push(server);
    const cam = await api.call('POST', '/api/cameras', { enterpriseId, code: 'CAM-R1', name: 'RTSP 枪机', pullUrl: `rtsp://127.0.0.1:${rtspPort}/cam` });
    expect(cam.status).toBe(201);
    await eventually(async () => (await api.call('GET', '/api/video/cameras')).body.items.find((c: any) => c.id === cam.body.id)?.live, 'relayed camera live', 45_000);

    await server.stop();
    const raised = await eventually(async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: any) => a.type === 'video_offline' && a.source.id === cam.body.id), 'video_offline raised', 45_000);
    expect(raised).toMatchObject({ source: { kind: 'camera', name: 'RTSP 枪机' } });
    // The relay keeps retrying: between attempts it is seen backing off or starting (a slow failure counts as running for a moment).
    const relay = async () => (await api.call('GET', '/api/video/cameras')).body.items.find((c: any) => c.id === cam.body.id).relay;
    await expect.poll(async () => (await relay()).state, { timeout: 30_000, interval: 200 }).toMatch(/backoff|starting/);
    expect((await relay()).restarts).toBeGreaterThan(0);

    server = vlc();
    procs.push(server);
    await eventually(async () => !(await api.call('GET', '/api/alarms?state=open')).body.items.some((a: any) => a.type === 'video_offline' && a.source.id === cam.body.id && a.active), 'video_offline cleared', 60_000);
  }, 180_000);
});
