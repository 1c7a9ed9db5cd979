/** The state of a sensor on the wall (`GET /api/monitor/tanks` sensors' `state`). */
export const sensorStateLabels = {
  normal: '正常',
  alarm: '报警',
  stale: '数据中断',
  nodata: '无数据',
} as const;

export type SensorState = keyof typeof sensorStateLabels;
