// The detail routes' answers. They publish no response schema yet, so they are typed here from web/routes/monitor-*.

export interface Thresholds { lowLow: number | null; low: number | null; high: number | null; highHigh: number | null; deadband: number }
export interface SensorView {
  id: number; code: string; kind: string; unit: string; rangeMin: number | null; rangeMax: number | null;
  thresholds: Thresholds; value: number | null; ts: string | null; state: string;
}
export interface DetailAlarm { id: number; type: string; level: string | null; severity: string; active: boolean; acknowledged: boolean; firstAt: string; message?: string | null }
export interface TankDetail {
  id: number; code: string; name: string; medium: string | null; capacityM3: number | null;
  enterprise: { id: number; name: string };
  hazardSource: { id: number; name: string | null; level: number | null; levelLabel: string | null } | null;
  sensors: SensorView[];
  openAlarms: DetailAlarm[];
}
export interface TankTrend {
  from: string; to: string; stepS: number;
  series: { sensorId: number; code: string; kind: string; unit: string; thresholds: Thresholds; points: { ts: string; mean: number | null; min: number | null; max: number | null }[] }[];
  alarmPeriods: { alarmId: number; sensorId: number; type: string; level: string | null; severity: string; from: string; to: string | null }[];
}
interface Staff { id: number; name: string; phone: string | null; certificateNo: string }
export interface VehicleDetail {
  id: number; plate: string; hazmatClass: string | null; tankVolumeM3: number | null; speedLimitKmh: number | null;
  enterprise: { id: number; name: string };
  online: boolean; state: string;
  live: { lat: number; lon: number; speedKmh: number; direction: number; ts: string } | null;
  driver: Staff | null; escort: Staff | null;
  waybill: { id: number; code: string; status: string; goodsName: string; unNumber: string; hazmatClass: string; packingGroup: string | null; quantityT: number; origin: string; destination: string; route: string | null; departureAt: string | null } | null;
  driving: { continuousS: number; dailyS: number; driving: boolean; continuousLimitS: number; dailyLimitS: number; restS: number; at: string } | null;
  recentAlarms: DetailAlarm[];
}
export interface ReplayPoint { ts: string; lat: number; lon: number; speedKmh: number; direction: number; reupload: boolean; drift: boolean; points: number }
export interface TrackAnswer {
  mode: 'full' | 'downsampled'; bucketS: number | null; total: number; driftPoints: number;
  items: ReplayPoint[];
  stops: { from: string; to: string; durationS: number; lat: number; lon: number }[];
  alarms: { id: number; type: string; label: string; severity: string; at: string; message: string; lat: number | null; lon: number | null }[];
}

