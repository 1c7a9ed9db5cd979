import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type { Aedes } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';

export const MQTT_WS_PATH = '/mqtt';

/**
 * MQTT over WebSocket on the HTTP server at /mqtt. noServer + our own upgrade listener, because a ws server
 * bound to the HTTP server would answer 400 to Socket.IO's upgrades on /socket.io/.
 */
export function attachMqttOverWebSocket(server: Server, broker: Aedes): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== MQTT_WS_PATH) return;
    wss.handleUpgrade(req, socket, head, (ws) => broker.handle(createWebSocketStream(ws), req));
  };
  server.on('upgrade', onUpgrade);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
