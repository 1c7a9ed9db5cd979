import type { RuleOutcome, RuleStep } from './rule-outcome.ts';

/** JT/T 808 alarm bits 1-31 mapped to alarm types (bit 0, SOS, has its own rule). */
export const terminalAlarmTypes: Readonly<Record<number, string>> = {
  1: 'terminal_overspeed',
  2: 'terminal_fatigue',
  3: 'terminal_danger',
  4: 'terminal_gnss_fault',
  5: 'terminal_gnss_antenna_open',
  6: 'terminal_gnss_antenna_short',
  7: 'terminal_power_low',
  8: 'terminal_power_cut',
  9: 'terminal_lcd_fault',
  10: 'terminal_tts_fault',
  11: 'terminal_camera_fault',
  12: 'terminal_ic_card_fault',
  13: 'terminal_overspeed_warning',
  14: 'terminal_fatigue_warning',
  15: 'terminal_violation_driving',
  16: 'terminal_tyre_pressure',
  17: 'terminal_right_turn_blind_zone',
  18: 'terminal_daily_driving_overtime',
  19: 'terminal_parking_overtime',
  20: 'terminal_area_in_out',
  21: 'terminal_route_in_out',
  22: 'terminal_section_time',
  23: 'terminal_route_deviation',
  24: 'terminal_vss_fault',
  25: 'terminal_fuel_abnormal',
  26: 'terminal_stolen',
  27: 'terminal_illegal_ignition',
  28: 'terminal_illegal_displacement',
  29: 'terminal_collision',
  30: 'terminal_rollover',
  31: 'terminal_illegal_door_open',
};

/** Pure step: each bit that appears raises its type, each bit that drops clears it; ignored bits never fire. */
export function evaluateTerminalAlarms(previousBits: number, alarmBits: number, params: { ignoredBits: readonly number[] }): RuleStep<number> {
  let mask = 0xfffffffe;
  for (const b of params.ignoredBits) mask &= ~(1 << b);
  const bits = (alarmBits & mask) >>> 0;
  const outcomes: RuleOutcome[] = [];
  const changed = (bits ^ previousBits) >>> 0;
  for (let b = 1; b < 32; b++) {
    if (!(changed & (1 << b))) continue;
    outcomes.push({ type: terminalAlarmTypes[b], kind: bits & (1 << b) ? 'raise' : 'clear', value: null });
  }
  return { state: bits, outcomes };
}
