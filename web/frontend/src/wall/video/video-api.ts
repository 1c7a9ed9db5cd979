// The wall's video calls. Play URLs and layouts publish no response schema yet, so those answers are typed here.
import { api, call } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';
import type { PaneSource, VideoLayout } from './video-layout';

export interface PlayUrl { stream: string; flv: string; ws: string; expiresAt: string; live: boolean }
export type CameraState = paths['/api/video/cameras']['get']['responses'][200]['content']['application/json']['items'][number];

export const videoApi = {
  cameras: () => call(api.GET('/api/video/cameras')),
  layout: () => call(api.GET('/api/video-layout')) as Promise<unknown> as Promise<VideoLayout>,
  saveLayout: (layout: VideoLayout) => call(api.PUT('/api/video-layout', { body: layout })),
  /** A fresh single-use play URL for a pane; a truck channel is opened on the terminal first (JT/T 1078 0x9101). */
  playUrl: (source: PaneSource) =>
    (source.kind === 'camera'
      ? call(api.POST('/api/cameras/{id}/play-url', { params: { path: { id: source.id } } }))
      : call(api.POST('/api/vehicles/{id}/video/{channel}', { params: { path: { id: source.id, channel: source.channel } } }))) as Promise<unknown> as Promise<PlayUrl>,
};
