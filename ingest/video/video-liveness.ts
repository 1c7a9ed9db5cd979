import type { VideoStateEvent } from '../ports.ts';

type Camera = VideoStateEvent['camera'];
interface Watch {
  camera: Camera;
  /** When the video went away; null while it is live. */
  downSince: number | null;
  cause: 'stopped' | 'relay_failed';
  detail?: string;
  raised: boolean;
}

/**
 * Which cameras are expected to have video and since when they have none: past the timeout that raises
 * `video_offline`, and the next publish clears it. Expected are cameras with an RTSP relay, and RTMP cameras once
 * they have published (a camera never connected is not "offline", it is not installed yet). Runs on an injected clock.
 */
export class VideoLiveness {
  private watches = new Map<number, Watch>();

  constructor(
    private readonly o: { timeoutMs: number; now: () => number },
    private readonly emit: (e: VideoStateEvent) => void,
  ) {}

  /** A relayed camera: expected from now on, down until it publishes. */
  expect(camera: Camera): void {
    if (!this.watches.has(camera.id)) this.watches.set(camera.id, { camera, downSince: this.o.now(), cause: 'relay_failed', raised: false });
  }

  published(camera: Camera): void {
    this.watches.set(camera.id, { camera, downSince: null, cause: 'stopped', raised: false });
    // Also clears an alarm raised before a restart; clearing nothing changes nothing.
    this.emit({ kind: 'video_restored', camera, at: new Date(this.o.now()) });
  }

  unpublished(camera: Camera, cause: 'stopped' | 'relay_failed', detail?: string): void {
    const w = this.watches.get(camera.id);
    if (w && w.downSince !== null) {
      if (cause === 'relay_failed') Object.assign(w, { cause, detail });
      return;
    }
    this.watches.set(camera.id, { camera, downSince: this.o.now(), cause, detail, raised: false });
  }

  /** The camera was deleted, disabled or lost its relay: nothing more is expected of it. */
  forget(cameraId: number): void {
    this.watches.delete(cameraId);
  }

  sweep(): void {
    const now = this.o.now();
    for (const w of this.watches.values()) {
      if (w.downSince === null || w.raised || now - w.downSince < this.o.timeoutMs) continue;
      w.raised = true;
      this.emit({ kind: 'video_offline', camera: w.camera, since: new Date(w.downSince), cause: w.cause, ...(w.detail ? { detail: w.detail } : {}) });
    }
  }
}
