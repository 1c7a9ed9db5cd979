// Socket.IO live channel: io('/live', { auth: { token } }).
// Events: readings, positions, alarm, status. 'unauthorized' => re-login.

let socket = null;

/**
 * handlers: { onConnect(isReconnect), onDisconnect(reason), onUnauthorized(),
 *             onReadings(list), onPositions(list), onAlarm(evt), onStatus(evt) }
 * Returns false if the Socket.IO client script is not available.
 */
export function connectLive(token, handlers) {
  disconnectLive();
  if (typeof window.io !== 'function') return false;
  let connectedBefore = false;
  const s = window.io('/live', {
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
    handlers.onConnect(connectedBefore);
    connectedBefore = true;
  });
  s.on('disconnect', (reason) => {
    if (!alive()) return;
    handlers.onDisconnect(reason);
    // the server closed us on purpose (e.g. restart/token check): try again,
    // an expired token then surfaces as connect_error 'unauthorized'
    if (reason === 'io server disconnect') setTimeout(() => { if (alive()) s.connect(); }, 2000);
  });
  s.on('connect_error', (err) => {
    if (!alive()) return;
    const msg = err && (err.message || (err.data && err.data.message));
    if (msg === 'unauthorized') {
      handlers.onUnauthorized();
      return;
    }
    handlers.onDisconnect(msg || 'connect_error');
    // middleware rejections are not retried automatically by socket.io
    if (!s.active) setTimeout(() => { if (alive()) s.connect(); }, 5000);
  });
  s.on('readings', (list) => alive() && handlers.onReadings(Array.isArray(list) ? list : [list]));
  s.on('positions', (list) => alive() && handlers.onPositions(Array.isArray(list) ? list : [list]));
  s.on('alarm', (evt) => alive() && handlers.onAlarm(evt));
  s.on('status', (evt) => alive() && handlers.onStatus(evt));
  return true;
}

export function disconnectLive() {
  if (!socket) return;
  const s = socket;
  socket = null;
  s.removeAllListeners();
  s.disconnect();
}

export function isLiveConnected() {
  return !!(socket && socket.connected);
}
