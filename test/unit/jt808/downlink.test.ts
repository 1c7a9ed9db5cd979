import { describe, it, expect } from 'vitest';
import {
  decodeMediaUpload,
  decodeMediaUploadReply,
  decodePhotoReply,
  decodeTakePhoto,
  encodeDeleteAreas,
  encodeMediaUpload,
  encodeMediaUploadReply,
  encodePhotoReply,
  encodeSetGeofence,
  encodeTakePhoto,
  encodeLocation,
} from '../../../ingest/jt808/codec/index.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const window = { start: new Date('2026-11-23T00:00:00Z'), end: new Date('2026-11-24T00:00:00Z') }; // 08:00 UTC+8

describe('geofence bodies (0x8600-0x8607), laid out by hand from the standard', () => {
  it('0x8600 circle, 2013: setting attribute, count, id, attributes, centre, radius, window, speed limit', () => {
    const body = encodeSetGeofence(
      { shape: 'circle', id: 7, center: { lat: 32.1, lon: 118.8 }, radiusM: 500, window, speedLimit: { maxKmh: 60, overspeedS: 10 }, alarmOnEnter: true },
      'append',
      '2013',
    );
    expect(body).toEqual(
      hex(`01 01 00000007 000f 01e9cea0 0714be80 000001f4 261123080000 261124080000 003c 0a`),
    );
  });

  it('0x8600 circle, 2019: adds the night speed and the name; south/west set the attribute bits', () => {
    const body = encodeSetGeofence(
      { shape: 'circle', id: 1, center: { lat: -1, lon: -2 }, radiusM: 10, speedLimit: { maxKmh: 80, overspeedS: 5, nightMaxKmh: 50 }, name: '库区' },
      'replace',
      '2019',
    );
    expect(body).toEqual(hex(`00 01 00000001 00c2 000f4240 001e8480 0000000a 0050 05 0032 0004 bfe2c7f8`));
  });

  it('0x8602 rectangle, 2013: two corners and no optional parts', () => {
    expect(encodeSetGeofence({ shape: 'rectangle', id: 2, topLeft: { lat: 33, lon: 118 }, bottomRight: { lat: 32, lon: 119 }, alarmOnExit: true }, 'modify', '2013')).toEqual(
      hex(`02 01 00000002 0030 01f78a40 07088980 01e84800 0717cbc0`),
    );
  });

  it('0x8604 polygon: 2019 puts the night speed after the vertices', () => {
    const fence = { shape: 'polygon' as const, id: 3, vertices: [{ lat: 1, lon: 2 }, { lat: 3, lon: 4 }, { lat: 5, lon: 6 }], speedLimit: { maxKmh: 40, overspeedS: 3 } };
    const vertices = `0003 000f4240 001e8480 002dc6c0 003d0900 004c4b40 005b8d80`;
    expect(encodeSetGeofence(fence, 'append', '2013')).toEqual(hex(`00000003 0002 0028 03 ${vertices}`));
    expect(encodeSetGeofence(fence, 'append', '2019')).toEqual(hex(`00000003 0002 0028 03 ${vertices} 0028 0000`));
  });

  it('0x8606 route: inflection points with width and the route speed limit per section', () => {
    const body = encodeSetRoute2013();
    expect(body).toEqual(
      hex(`00000009 0000 0002
           00000001 00000001 000f4240 001e8480 32 02 0046 0a
           00000002 00000002 002dc6c0 003d0900 32 02 0046 0a`),
    );
  });

  it('the largest geofences the API accepts still fit one frame in 2019 (1,023-byte body)', () => {
    const name = '危'.repeat(40);
    const rules = { name, window, speedLimit: { maxKmh: 60, overspeedS: 10, nightMaxKmh: 40 } };
    const at = (i: number) => ({ lat: 32 + i / 1000, lon: 118 + i / 1000 });
    const route = encodeSetGeofence({ shape: 'route', id: 1, ...rules, points: Array.from({ length: 35 }, (_, i) => ({ ...at(i), widthM: 50 })) }, 'append', '2019');
    const polygon = encodeSetGeofence({ shape: 'polygon', id: 2, ...rules, vertices: Array.from({ length: 100 }, (_, i) => at(i)) }, 'append', '2019');
    expect(route.length).toBeLessThanOrEqual(1023);
    expect(polygon.length).toBeLessThanOrEqual(1023);
  });

  it('deletes list the ids; none means all', () => {
    expect(encodeDeleteAreas([1, 258])).toEqual(hex('02 00000001 00000102'));
    expect(encodeDeleteAreas([])).toEqual(hex('00'));
  });
});

function encodeSetRoute2013() {
  return encodeSetGeofence(
    { shape: 'route', id: 9, points: [{ lat: 1, lon: 2, widthM: 50 }, { lat: 3, lon: 4, widthM: 50 }], speedLimit: { maxKmh: 70, overspeedS: 10 } },
    'append',
    '2013',
  );
}

describe('photo and multimedia bodies', () => {
  it('0x8801 take photo is 12 bytes and round-trips', () => {
    const p = { channel: 1, count: 1, intervalS: 0, saveOnly: false, resolution: 2, quality: 5, brightness: 128, contrast: 64, saturation: 64, chroma: 128 };
    const body = encodeTakePhoto(p);
    expect(body).toEqual(hex('01 0001 0000 00 02 05 80 40 40 80'));
    expect(decodeTakePhoto(body)).toEqual(p);
  });

  it('0x0805 photo reply carries media ids only on success', () => {
    expect(decodePhotoReply(encodePhotoReply({ replySerial: 5, result: 0, mediaIds: [1, 2] }))).toEqual({ replySerial: 5, result: 0, mediaIds: [1, 2] });
    expect(decodePhotoReply(hex('0005 02'))).toEqual({ replySerial: 5, result: 2, mediaIds: [] });
  });

  it('0x0801 has the 28-byte location in 2013/2019 and none in 2011', () => {
    const location = encodeLocation({ alarm: 0, status: 2, rawLat: 32_000_000, rawLon: 118_000_000, altitude: 1, rawSpeed: 0, direction: 0, time: new Date('2026-11-23T00:00:00Z') });
    const data = hex('ffd8ffd9');
    const body = encodeMediaUpload({ mediaId: 9, type: 0, format: 0, event: 0, channel: 2, location, data });
    const m = decodeMediaUpload(body, '2013');
    expect(m).toMatchObject({ mediaId: 9, channel: 2, data });
    expect(m.location?.latitude).toBe(32);
    const old = decodeMediaUpload(encodeMediaUpload({ mediaId: 9, type: 0, format: 0, event: 0, channel: 2, location: null, data }), '2011');
    expect(old).toMatchObject({ location: null, data });
  });

  it('0x8800 lists packages to resend', () => {
    expect(encodeMediaUploadReply({ mediaId: 9, missing: [] })).toEqual(hex('00000009 00'));
    expect(decodeMediaUploadReply(encodeMediaUploadReply({ mediaId: 9, missing: [2, 5] }))).toEqual({ mediaId: 9, missing: [2, 5] });
  });
});
