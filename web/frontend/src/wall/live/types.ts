// Shapes of what the wall reads (REST answers and Socket.IO events). The monitor and alarm routes publish no
// response schema yet, so these mirror alerts/alarm-store.ts (Alarm) and web/routes/monitor-routes.ts.

export type Severity = 'critical' | 'major' | 'minor' | 'warning';
export type ThresholdLevel = 'high_high' | 'high' | 'low' | 'low_low';

export interface Alarm {
  id: number;
  type: string;
  level: ThresholdLevel | null;
  severity: Severity;
  active: boolean;
  acknowledged: boolean;
  source: { kind: 'sensor' | 'vehicle' | 'camera'; id: number; name: string };
  enterpriseId?: number | null;
  regionCode?: string | null;
  message: string;
  value: number | string | null;
  peak: number | string | null;
  count: number;
  firstAt: string;
  lastAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  clearedBy: string | null;
  clearedAt: string | null;
  disposedBy: string | null;
  disposedAt: string | null;
  disposal: { cause: string; measures: string; attachments: string[] } | null;
  closedBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  review: { result: 'passed' | 'rejected'; comment: string } | null;
  ackDueAt?: string | null;
  disposeDueAt?: string | null;
  ackBreachedAt: string | null;
  disposeBreachedAt: string | null;
  escalatedAt: string | null;
}

/** Socket.IO `alarm` event, and the answer of a handling step ({alarm, cursor}). */
export interface AlarmChange {
  action: string;
  alarm: Alarm;
  cursor?: number | null;
  step?: string;
}

export interface AlarmEvent {
  id: number;
  action: string;
  actor: string | null;
  at: string;
  details: Record<string, unknown> | null;
}

export interface Thresholds {
  lowLow: number | null;
  low: number | null;
  high: number | null;
  highHigh: number | null;
  deadband: number | null;
}

export interface Sensor {
  id: number;
  code: string;
  kind: string;
  unit: string | null;
  rangeMin: number | null;
  rangeMax: number | null;
  deviceId: number | null;
  interruptionTimeoutS: number | null;
  thresholds: Thresholds;
  value: number | null;
  ts: string | null;
  quality: string | null;
  /** The server's view: nodata | alarm | stale | normal; null once a live reading arrived without one. */
  state: string | null;
}

export interface Tank {
  id: number;
  code: string;
  name: string;
  enterpriseId: number;
  enterpriseName: string;
  medium: string | null;
  sensors: Sensor[];
}

export interface Vehicle {
  id: number;
  plate: string;
  enterpriseName: string;
  online: boolean;
  lat: number | null;
  lon: number | null;
  speedKmh: number | null;
  direction: number | null;
  ts: string | null;
}

export interface Reading {
  sensorId: number;
  tankId?: number;
  value?: number | string | null;
  ts?: string;
  quality?: string;
  state?: string | null;
}

export interface Position {
  vehicleId: number;
  plate?: string;
  lat?: number | null;
  lon?: number | null;
  speedKmh?: number | null;
  direction?: number | null;
  ts?: string;
}

export interface StatusChange {
  kind: 'vehicle' | 'device';
  id: number;
  online: boolean;
}
