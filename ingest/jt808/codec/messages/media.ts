import { Reader, u16, u32, u8 } from '../binary.ts';
import type { ProtocolEdition } from '../header.ts';
import { decodeLocation, LOCATION_FIXED_LENGTH } from './location.ts';
import type { Location } from './location.ts';

/** 0x8801 take photo. `count` 0 stops, 0xFFFF records video; saveOnly keeps the photo on the terminal. */
export interface TakePhoto {
  channel: number;
  count: number;
  intervalS: number;
  saveOnly: boolean;
  /** 1 = 320x240 … 8 = 1920x1080 (2019); 0 keeps the terminal's default. */
  resolution: number;
  /** 1 best … 10 smallest. */
  quality: number;
  brightness: number;
  contrast: number;
  saturation: number;
  chroma: number;
}

export function encodeTakePhoto(p: TakePhoto): Buffer {
  return Buffer.concat([
    u8(p.channel, 'channel'),
    u16(p.count, 'count'),
    u16(p.intervalS, 'interval'),
    u8(p.saveOnly ? 1 : 0),
    u8(p.resolution, 'resolution'),
    u8(p.quality, 'quality'),
    u8(p.brightness, 'brightness'),
    u8(p.contrast, 'contrast'),
    u8(p.saturation, 'saturation'),
    u8(p.chroma, 'chroma'),
  ]);
}

export function decodeTakePhoto(body: Buffer): TakePhoto {
  const r = new Reader(body, '0x8801 body');
  return {
    channel: r.u8(),
    count: r.u16(),
    intervalS: r.u16(),
    saveOnly: r.u8() === 1,
    resolution: r.u8(),
    quality: r.u8(),
    brightness: r.u8(),
    contrast: r.u8(),
    saturation: r.u8(),
    chroma: r.u8(),
  };
}

/** 0x0805 answer to 0x8801 (2013/2019; 2011 terminals answer 0x0001). Result 0 ok, 1 failed, 2 channel unsupported. */
export interface PhotoReply {
  replySerial: number;
  result: number;
  mediaIds: number[];
}

export function decodePhotoReply(body: Buffer): PhotoReply {
  const r = new Reader(body, '0x0805 body');
  const replySerial = r.u16();
  const result = r.u8();
  const mediaIds: number[] = [];
  // Failed answers often stop after the result.
  if (result === 0 && r.remaining >= 2) {
    const count = r.u16();
    for (let i = 0; i < count; i++) mediaIds.push(r.u32());
  }
  return { replySerial, result, mediaIds };
}

export function encodePhotoReply(p: PhotoReply): Buffer {
  return Buffer.concat([u16(p.replySerial, 'replySerial'), u8(p.result, 'result'), u16(p.mediaIds.length, 'count'), ...p.mediaIds.map((id) => u32(id, 'media id'))]);
}

export const MediaType = { Image: 0, Audio: 1, Video: 2 } as const;
export const MediaFormat = { Jpeg: 0, Tif: 1, Mp3: 2, Wav: 3, Wmv: 4 } as const;

/** 0x0801 multimedia upload. 2013 and 2019 carry a 28-byte location before the data; 2011 does not. */
export interface MediaUpload {
  mediaId: number;
  type: number;
  format: number;
  event: number;
  channel: number;
  location: Location | null;
  data: Buffer;
}

export function decodeMediaUpload(body: Buffer, edition: ProtocolEdition): MediaUpload {
  const r = new Reader(body, '0x0801 body');
  const head = { mediaId: r.u32(), type: r.u8(), format: r.u8(), event: r.u8(), channel: r.u8() };
  const location = edition === '2011' ? null : decodeLocation(r.bytes(LOCATION_FIXED_LENGTH));
  return { ...head, location, data: r.rest() };
}

export function encodeMediaUpload(m: Omit<MediaUpload, 'location'> & { location: Buffer | null }): Buffer {
  return Buffer.concat([u32(m.mediaId, 'media id'), u8(m.type), u8(m.format), u8(m.event), u8(m.channel), m.location ?? Buffer.alloc(0), m.data]);
}

/** 0x8800: the upload is complete when `missing` is empty; otherwise the terminal resends those packages. */
export interface MediaUploadReply {
  mediaId: number;
  missing: number[];
}

export function encodeMediaUploadReply(m: MediaUploadReply): Buffer {
  return Buffer.concat([u32(m.mediaId, 'media id'), u8(m.missing.length, 'missing count'), ...m.missing.map((i) => u16(i, 'package index'))]);
}

export function decodeMediaUploadReply(body: Buffer): MediaUploadReply {
  const r = new Reader(body, '0x8800 body');
  const mediaId = r.u32();
  const count = r.remaining > 0 ? r.u8() : 0;
  const missing: number[] = [];
  for (let i = 0; i < count; i++) missing.push(r.u16());
  return { mediaId, missing };
}
