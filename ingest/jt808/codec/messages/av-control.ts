import { Reader, u16, u8 } from '../binary.ts';
import { bcdToDigits } from '../bcd.ts';

/** JT/T 1078 0x9102 real-time A/V control. command: 0 close, 1 switch stream, 2 pause, 3 resume, 4 close talk. */
export interface AvControl {
  channel: number;
  command: number;
  /** For close: 0 audio and video, 1 audio only, 2 video only. */
  closeType: number;
  /** For switch: 0 main, 1 sub stream. */
  streamType: number;
}

export const AvControlCommand = { Close: 0, SwitchStream: 1, Pause: 2, Resume: 3, CloseTalk: 4 } as const;

export function encodeAvControl(c: AvControl): Buffer {
  return Buffer.concat([u8(c.channel, 'channel'), u8(c.command, 'command'), u8(c.closeType, 'closeType'), u8(c.streamType, 'streamType')]);
}

export function decodeAvControl(body: Buffer): AvControl {
  const r = new Reader(body, '0x9102 body');
  return { channel: r.u8(), command: r.u8(), closeType: r.u8(), streamType: r.u8() };
}

/** 0x1003: the terminal's audio/video attributes, the answer to 0x9003 (whose body is empty). */
export interface AvAttributes {
  audioCodec: number;
  audioChannels: number;
  audioSampleRate: number;
  audioSampleBits: number;
  audioFrameLength: number;
  audioOutput: boolean;
  videoCodec: number;
  maxAudioChannels: number;
  maxVideoChannels: number;
}

export function decodeAvAttributes(body: Buffer): AvAttributes {
  const r = new Reader(body, '0x1003 body');
  return {
    audioCodec: r.u8(),
    audioChannels: r.u8(),
    audioSampleRate: r.u8(),
    audioSampleBits: r.u8(),
    audioFrameLength: r.u16(),
    audioOutput: r.u8() === 1,
    videoCodec: r.u8(),
    maxAudioChannels: r.u8(),
    maxVideoChannels: r.u8(),
  };
}

export function encodeAvAttributes(a: AvAttributes): Buffer {
  return Buffer.concat([
    u8(a.audioCodec), u8(a.audioChannels), u8(a.audioSampleRate), u8(a.audioSampleBits), u16(a.audioFrameLength),
    u8(a.audioOutput ? 1 : 0), u8(a.videoCodec), u8(a.maxAudioChannels), u8(a.maxVideoChannels),
  ]);
}

/** 0x1005: passenger flow between two times (BCD[6], UTC+8, kept as digits). */
export interface PassengerFlow {
  from: string;
  to: string;
  boarded: number;
  alighted: number;
}

export function decodePassengerFlow(body: Buffer): PassengerFlow {
  const r = new Reader(body, '0x1005 body');
  return { from: bcdToDigits(r.bytes(6)), to: bcdToDigits(r.bytes(6)), boarded: r.u16(), alighted: r.u16() };
}

/** 0x9105: real-time A/V status (channel, packet loss rate %). */
export function decodeAvStatus(body: Buffer): { channel: number; lossRate: number } {
  const r = new Reader(body, '0x9105 body');
  return { channel: r.u8(), lossRate: r.u8() };
}
