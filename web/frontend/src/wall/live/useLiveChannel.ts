// The Socket.IO live channel: io('/live', { auth: { token } }), events readings, positions, alarm, status, video_open, video_state.
import { onBeforeUnmount, ref } from 'vue';
import { io, type Socket } from 'socket.io-client';
import type { AlarmChange, Position, Reading, StatusChange } from './types';

export interface LiveHandlers {
  onConnect(isReconnect: boolean): void;
  onUnauthorized(reason: 'unauthorized' | 'password_change_required'): void;
  onReadings(list: Reading[]): void;
  onPositions(list: Position[]): void;
  onAlarm(change: AlarmChange): void;
  onStatus(change: StatusChange): void;
  /** Cameras or a truck channel an alarm asks the wall to show. */
  onVideoOpen?(event: VideoOpen): void;
  /** A camera went live or dark. */
  onVideoState?(event: { kind: 'camera'; id: number; live: boolean }): void;
}

export interface VideoOpen {
  reason: string;
  alarmId: number;
  panes: ({ kind: 'camera'; id: number; name: string } | { kind: 'vehicle'; id: number; channel: number; name: string })[];
}

const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

export function useLiveChannel(handlers: LiveHandlers) {
  const state = ref<'connected' | 'disconnected'>('disconnected');
  const detail = ref('正在连接实时数据通道…');
  let socket: Socket | null = null;
  const retry = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => (retry.delete(t), fn()), ms);
    retry.add(t);
  };

  function disconnected(why: string) {
    state.value = 'disconnected';
    detail.value = why;
  }

  function connect(token: string): void {
    disconnect();
    let connectedBefore = false;
    const s = io('/live', {
      auth: { token },
      forceNew: true, // never reuse a cached manager holding an old token
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10000,
      timeout: 10000,
    });
    socket = s;
    const alive = () => socket === s;
    s.on('connect', () => {
      if (!alive()) return;
      state.value = 'connected';
      detail.value = '实时数据通道已连接';
      handlers.onConnect(connectedBefore);
      connectedBefore = true;
    });
    s.on('disconnect', (reason) => {
      if (!alive()) return;
      disconnected(`实时数据通道断开（${reason || '未知原因'}），正在重连…`);
      // The server closed us on purpose (restart, token check): try again; an expired token then shows as unauthorized.
      if (reason === 'io server disconnect') later(() => alive() && s.connect(), 2000);
    });
    s.on('connect_error', (err: Error & { data?: { message?: string } }) => {
      if (!alive()) return;
      const msg = err?.message || err?.data?.message;
      if (msg === 'unauthorized' || msg === 'password_change_required') return handlers.onUnauthorized(msg);
      disconnected(`实时数据通道断开（${msg || 'connect_error'}），正在重连…`);
      // Middleware rejections are not retried by socket.io itself.
      if (!s.active) later(() => alive() && s.connect(), 5000);
    });
    s.on('readings', (list: Reading | Reading[]) => alive() && handlers.onReadings(asList(list)));
    s.on('positions', (list: Position | Position[]) => alive() && handlers.onPositions(asList(list)));
    s.on('alarm', (change: AlarmChange) => alive() && handlers.onAlarm(change));
    s.on('status', (change: StatusChange) => alive() && handlers.onStatus(change));
    s.on('video_open', (event: VideoOpen) => alive() && handlers.onVideoOpen?.(event));
    s.on('video_state', (event: { kind: 'camera'; id: number; live: boolean }) => alive() && handlers.onVideoState?.(event));
  }

  function disconnect(): void {
    for (const t of retry) clearTimeout(t);
    retry.clear();
    const s = socket;
    socket = null;
    if (s) {
      s.removeAllListeners();
      s.disconnect();
    }
    disconnected('实时数据通道未连接');
  }

  onBeforeUnmount(disconnect);
  return { state, detail, connect, disconnect };
}
