// The wall's video calls. These routes publish no response schema yet, so the answers are typed here.
import { api, call } from '../../shared/api/client';
import type { PaneSource, VideoLayout } from './video-layout';

export interface PlayUrl { stream: string; flv: string; ws: string; expiresAt: string; live: boolean }
export interface CameraState { id: number; name: string; stream: string; live: boolean; source: 'rtmp' | 'rtsp'; relay: unknown; tankId: number | null; hazardSourceId: number | null; lat: number | null; lon: number | null }

export const videoApi = {
  cameras: () => call(api.GET('/api/video/cameras')) as Promise<unknown> as Promise<{ items: CameraState[] }>,
  layout: () => call(api.GET('/api/video-layout')) as Promise<unknown> as Promise<VideoLayout>,
  saveLayout: (layout: VideoLayout) => call(api.PUT('/api/video-layout', { body: layout })),
  /** A fresh single-use play URL for a pane; a truck channel is opened on the terminal first (JT/T 1078 0x9101). */
  playUrl: (source: PaneSource) =>
    (source.kind === 'camera'
      ? call(api.POST('/api/cameras/{id}/play-url', { params: { path: { id: source.id } } }))
      : call(api.POST('/api/vehicles/{id}/video/{channel}', { params: { path: { id: source.id, channel: source.channel } } }))) as Promise<unknown> as Promise<PlayUrl>,
};
