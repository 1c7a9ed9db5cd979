/** H.264 Annex B: NAL units between 00 00 01 / 00 00 00 01 start codes. */
export const NalType = { NonIdr: 1, Idr: 5, Sei: 6, Sps: 7, Pps: 8, Aud: 9 } as const;

export function splitAnnexB(data: Buffer): Buffer[] {
  const nals: Buffer[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < data.length) {
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) {
      if (start >= 0) nals.push(trimZeros(data.subarray(start, i)));
      i += 3;
      start = i;
    } else i++;
  }
  if (start >= 0 && start < data.length) nals.push(data.subarray(start));
  return nals.filter((n) => n.length > 0);
}

/** The zero of a 4-byte start code belongs to the next NAL's start code, not to this NAL. */
function trimZeros(nal: Buffer): Buffer {
  let end = nal.length;
  while (end > 0 && nal[end - 1] === 0) end--;
  return nal.subarray(0, end);
}

export const nalType = (nal: Buffer) => nal[0] & 0x1f;

/** AVCDecoderConfigurationRecord (ISO 14496-15) from one SPS and one PPS. */
export function avcDecoderConfiguration(sps: Buffer, pps: Buffer): Buffer {
  const out = Buffer.alloc(11 + sps.length + pps.length);
  out[0] = 1;
  out[1] = sps[1];
  out[2] = sps[2];
  out[3] = sps[3];
  out[4] = 0xff; // 4-byte NAL lengths
  out[5] = 0xe1; // one SPS
  out.writeUInt16BE(sps.length, 6);
  sps.copy(out, 8);
  out[8 + sps.length] = 1; // one PPS
  out.writeUInt16BE(pps.length, 9 + sps.length);
  pps.copy(out, 11 + sps.length);
  return out;
}

/** FLV video tag body: AVC sequence header. */
export function flvAvcSequenceHeader(sps: Buffer, pps: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x17, 0x00, 0, 0, 0]), avcDecoderConfiguration(sps, pps)]);
}

/** FLV video tag body: one access unit as length-prefixed NAL units. */
export function flvAvcFrame(nals: Buffer[], keyframe: boolean): Buffer {
  const parts: Buffer[] = [Buffer.from([keyframe ? 0x17 : 0x27, 0x01, 0, 0, 0])];
  for (const nal of nals) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(nal.length);
    parts.push(len, nal);
  }
  return Buffer.concat(parts);
}
