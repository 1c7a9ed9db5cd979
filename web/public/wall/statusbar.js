// Bottom status strip with the headline counts.
import { fmtTime } from './labels.js';

const set = (id, v) => {
  const el = document.getElementById(id);
  if (el && el.textContent !== String(v)) el.textContent = String(v);
};

export function updateStatus({ tanks, vehicles, alarms, devicesOffline }) {
  if (tanks) {
    set('stat-tanks', tanks.tanks);
    set('stat-sensors', tanks.sensors);
    set('stat-sensor-alarm', tanks.alarm);
    set('stat-sensor-stale', tanks.stale);
    document.getElementById('stat-sensor-alarm').closest('.stat').dataset.hot = String(tanks.alarm > 0);
  }
  if (vehicles) {
    set('stat-vehicles-online', vehicles.online);
    set('stat-vehicles-total', vehicles.total);
  }
  if (alarms) {
    set('stat-unacked', alarms.unacked);
    set('stat-critical', alarms.critical);
    document.getElementById('stat-unacked').closest('.stat').dataset.hot = String(alarms.unacked > 0);
    document.getElementById('stat-critical').closest('.stat').dataset.hot = String(alarms.critical > 0);
  }
  if (devicesOffline != null) set('stat-devices-offline', devicesOffline);
}

export function markDataReceived(ts = new Date()) {
  set('stat-last-data', fmtTime(ts));
}
