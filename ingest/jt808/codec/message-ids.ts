export const MsgId = {
  TerminalResponse: 0x0001,
  Heartbeat: 0x0002,
  Logout: 0x0003,
  QueryServerTime: 0x0004,
  ResendRequestUp: 0x0005,
  Register: 0x0100,
  Authenticate: 0x0102,
  QueryParamsReply: 0x0104,
  QueryAttributesReply: 0x0107,
  Location: 0x0200,
  LocationQueryReply: 0x0201,
  EventReport: 0x0301,
  DriverIdentity: 0x0702,
  BatchLocation: 0x0704,
  CanData: 0x0705,
  MediaEvent: 0x0800,
  MediaUpload: 0x0801,
  MediaSearchReply: 0x0802,
  PhotoReply: 0x0805,
  PassThroughUp: 0x0900,
  CompressedUpload: 0x0901,
  PlatformResponse: 0x8001,
  ResendRequest: 0x8003,
  ServerTimeReply: 0x8004,
  RegisterReply: 0x8100,
  SetParams: 0x8103,
  QueryParams: 0x8104,
  TerminalControl: 0x8105,
  QuerySpecificParams: 0x8106,
  QueryAttributes: 0x8107,
  LocationQuery: 0x8201,
  TemporaryTracking: 0x8202,
  AlarmAck: 0x8203,
  LinkCheck: 0x8204,
  TextMessage: 0x8300,
  SetCircleArea: 0x8600,
  DeleteCircleArea: 0x8601,
  SetRectangleArea: 0x8602,
  DeleteRectangleArea: 0x8603,
  SetPolygonArea: 0x8604,
  DeletePolygonArea: 0x8605,
  SetRoute: 0x8606,
  DeleteRoute: 0x8607,
  MediaUploadReply: 0x8800,
  TakePhoto: 0x8801,
  PassThroughDown: 0x8900,
  AvRealtimeRequest: 0x9101,
  AvRealtimeControl: 0x9102,
  AvQueryAttributes: 0x9003,
  AvAttributesReply: 0x1003,
  PassengerFlow: 0x1005,
  AvStatus: 0x9105,
} as const;

export type MsgIdName = keyof typeof MsgId;
export type MsgIdValue = (typeof MsgId)[MsgIdName];

const NAMES = new Map<number, MsgIdName>(
  (Object.keys(MsgId) as MsgIdName[]).map((name) => [MsgId[name], name]),
);

/** For logs: 'Location (0x0200)' or '0x1234'. */
export function msgIdLabel(id: number): string {
  const hex = `0x${id.toString(16).padStart(4, '0')}`;
  const name = NAMES.get(id);
  return name ? `${name} (${hex})` : hex;
}
