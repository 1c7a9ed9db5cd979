import { flvAvcFrame, flvAvcSequenceHeader, NalType, nalType, splitAnnexB } from './h264.ts';

/**
 * Turns H.264 access units (Annex B) into FLV video tag bodies: an AVC sequence header whenever SPS/PPS first appear
 * or change, then the frames from the first keyframe on (a decoder cannot start anywhere else).
 */
export class H264FlvMuxer {
  private sps: Buffer | null = null;
  private pps: Buffer | null = null;
  private started = false;

  push(accessUnit: Buffer): Buffer[] {
    const tags: Buffer[] = [];
    const frameNals: Buffer[] = [];
    let keyframe = false;
    let paramsChanged = false;
    for (const nal of splitAnnexB(accessUnit)) {
      const t = nalType(nal);
      if (t === NalType.Sps) {
        if (!this.sps?.equals(nal)) (this.sps = Buffer.from(nal)), (paramsChanged = true);
      } else if (t === NalType.Pps) {
        if (!this.pps?.equals(nal)) (this.pps = Buffer.from(nal)), (paramsChanged = true);
      } else if (t !== NalType.Aud) {
        if (t === NalType.Idr) keyframe = true;
        frameNals.push(nal);
      }
    }
    if (paramsChanged && this.sps && this.pps) tags.push(flvAvcSequenceHeader(this.sps, this.pps));
    if (!this.started && !(keyframe && this.sps && this.pps)) return tags;
    this.started = true;
    if (frameNals.length) tags.push(flvAvcFrame(frameNals, keyframe));
    return tags;
  }
}
