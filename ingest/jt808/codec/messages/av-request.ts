import { Reader, u16, u8 } from '../binary.ts';
import { decodeGbk, encodeGbk } from '../text.ts';

/** JT/T 1078 0x9101 real-time audio/video request. */
export interface AvRequest {
  serverIp: string;
  tcpPort: number;
  udpPort: number;
  channel: number;
  /** 0 A/V, 1 video, 2 talk, 3 listen, 4 broadcast, 5 passthrough. */
  dataType: number;
  /** 0 main stream, 1 sub stream. */
  streamType: number;
}

export function decodeAvRequest(body: Buffer): AvRequest {
  const r = new Reader(body, '0x9101 body');
  const ipLength = r.u8();
  return {
    serverIp: decodeGbk(r.bytes(ipLength)),
    tcpPort: r.u16(),
    udpPort: r.u16(),
    channel: r.u8(),
    dataType: r.u8(),
    streamType: r.u8(),
  };
}

export function encodeAvRequest(req: AvRequest): Buffer {
  const ip = encodeGbk(req.serverIp);
  return Buffer.concat([
    u8(ip.length, 'serverIp length'),
    ip,
    u16(req.tcpPort, 'tcpPort'),
    u16(req.udpPort, 'udpPort'),
    u8(req.channel, 'channel'),
    u8(req.dataType, 'dataType'),
    u8(req.streamType, 'streamType'),
  ]);
}
