export { Jt808DecodeError, isJt808DecodeError } from './errors.ts';
export type { Jt808DecodeErrorCode } from './errors.ts';
export { escape, unescape, checksum } from './escape.ts';
export { decodeBcd, encodeBcd, bcdToDigits, decodeBcdTime, encodeBcdTime } from './bcd.ts';
export { decodeGbk, encodeGbk } from './text.ts';
export { normalizePhone } from './phone.ts';
export { decodeHeader, encodeHeader, headerEdition, headerLengthFor, MAX_BODY_LENGTH } from './header.ts';
export type { Jt808Header, ProtocolEdition } from './header.ts';
export { decodeFrame, encodeFrame } from './frame.ts';
export type { Jt808Frame, DecodeFrameOptions } from './frame.ts';
export { FrameSplitter } from './frame-splitter.ts';
export type { FrameSplitterOptions } from './frame-splitter.ts';
export { FrameStreamDecoder } from './frame-stream-decoder.ts';
export type { FrameStreamDecoderOptions } from './frame-stream-decoder.ts';
export { recoverFrame, joinAcrossFlag } from './quirk-recovery.ts';
export type { Jt808Quirk, RecoveredFrame } from './quirk-recovery.ts';
export { SubpackageAssembler } from './subpackage-assembler.ts';
export type { SubpackageAssemblerOptions, AssembledMessage, AddResult, ExpiredSet } from './subpackage-assembler.ts';
export { MsgId, msgIdLabel } from './message-ids.ts';
export type { MsgIdName, MsgIdValue } from './message-ids.ts';

export { decodeGeneralResponse, encodeGeneralResponse, ResponseResult } from './messages/general-response.ts';
export type { GeneralResponse } from './messages/general-response.ts';
export {
  decodeRegister,
  encodeRegister,
  inferRegisterEdition,
  decodeRegisterReply,
  encodeRegisterReply,
  RegisterResult,
} from './messages/register.ts';
export type { Register, RegisterReply } from './messages/register.ts';
export { decodeAuthenticate, encodeAuthenticate } from './messages/authenticate.ts';
export type { Authenticate, SoftwareVersionLayout } from './messages/authenticate.ts';
export { decodeLocation, encodeLocation, LOCATION_FIXED_LENGTH } from './messages/location.ts';
export type { Location, LocationInput } from './messages/location.ts';
export { parseExtras, decodeExtras, encodeExtras } from './messages/location-extras.ts';
export type { RawExtra, LocationExtras, AdasAlarm } from './messages/location-extras.ts';
export {
  decodeAlarmFlags,
  encodeAlarmFlags,
  decodeStatusFlags,
  ALARM_BITS,
  ALARM_BITS_NEEDING_ACK,
} from './messages/location-flags.ts';
export type { AlarmFlags, StatusFlags, LoadState } from './messages/location-flags.ts';
export { decodeBatchLocation, encodeBatchLocation } from './messages/batch-location.ts';
export type { BatchLocation, BatchLocationInput } from './messages/batch-location.ts';
export {
  decodeSetParams,
  encodeSetParams,
  paramDword,
  paramWord,
  paramByte,
  paramString,
  paramUint,
  paramText,
  SafetyParamId,
  safetyParams,
  readSafetyParams,
} from './messages/set-params.ts';
export type { SetParams, TerminalParam, SafetyParams } from './messages/set-params.ts';
export { decodeQueryParamsReply, encodeQueryParamsReply } from './messages/query-params-reply.ts';
export type { QueryParamsReply } from './messages/query-params-reply.ts';
export { decodeTextMessage, encodeTextMessage, TextFlag } from './messages/text-message.ts';
export type { TextMessage } from './messages/text-message.ts';
export { decodeAlarmAck, encodeAlarmAck } from './messages/alarm-ack.ts';
export type { AlarmAck } from './messages/alarm-ack.ts';
export { decodeAvRequest, encodeAvRequest } from './messages/av-request.ts';
export type { AvRequest } from './messages/av-request.ts';
export { AvControlCommand, decodeAvAttributes, decodeAvControl, decodeAvStatus, decodePassengerFlow, encodeAvAttributes, encodeAvControl } from './messages/av-control.ts';
export type { AvAttributes, AvControl, PassengerFlow } from './messages/av-control.ts';
export { encodeResendRequest, decodeResendRequest } from './messages/resend-request.ts';
export type { ResendRequest } from './messages/resend-request.ts';
export {
  AreaAttr,
  GEOFENCE_MSG,
  encodeSetAreas,
  encodeSetPolygon,
  encodeSetRoute,
  encodeSetGeofence,
  encodeDeleteAreas,
} from './messages/area.ts';
export type { Geofence, GeofenceShape, AreaSetMode, AreaRules, LatLon } from './messages/area.ts';
export {
  encodeTakePhoto,
  decodeTakePhoto,
  decodePhotoReply,
  encodePhotoReply,
  decodeMediaUpload,
  encodeMediaUpload,
  encodeMediaUploadReply,
  decodeMediaUploadReply,
  MediaType,
  MediaFormat,
} from './messages/media.ts';
export type { TakePhoto, PhotoReply, MediaUpload, MediaUploadReply } from './messages/media.ts';
