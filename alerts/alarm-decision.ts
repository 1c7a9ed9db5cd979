export type Severity = 'critical' | 'major' | 'minor' | 'warning';
export type ThresholdLevel = 'high_high' | 'high' | 'low' | 'low_low';

export interface AlarmSource {
  kind: 'sensor' | 'vehicle' | 'camera';
  id: number;
  name: string;
  enterpriseId: number;
  regionCode: string;
}

/** What a rule step concluded about one source; the alarm service turns it into stored alarm state. */
export type AlarmDecision =
  | { action: 'raise'; type: string; level: ThresholdLevel | null; severity: Severity; source: AlarmSource; value: number | null; at: Date; message: string }
  | { action: 'update'; type: string; level: ThresholdLevel | null; severity: Severity; source: AlarmSource; value: number | null; at: Date; message: string }
  | { action: 'clear'; type: string; source: AlarmSource; value: number | null; at: Date };
