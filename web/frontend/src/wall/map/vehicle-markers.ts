// Truck markers on the map. Each is an L.divIcon whose root <div data-testid="vehicle-marker" data-vehicle-id> is
// updated in place, so the element and its data attributes stay stable between positions.
import L from 'leaflet';
import { fmtAgo } from '../../shared/format';
import type { VehicleRec, VehicleView } from '../live/useVehicles';
import { hasPosition, headingLabel, isMoving } from '../logic/vehicle-state';
import { isNum } from '../logic/numbers';
import { fmtListTime } from '../display';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Marker size follows the root font size, so icons grow on 4K walls.
function iconPx(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  return Math.max(26, Math.round(rem * 2));
}

function markerHtml(rec: VehicleRec): string {
  const v = rec.v;
  const dir = isNum(v.direction) ? v.direction : 0;
  return (
    `<div class="vehicle-marker" data-testid="vehicle-marker" data-vehicle-id="${esc(v.id)}" data-online="${v.online}"` +
    ` data-stale="${rec.stale}" data-alarm="${rec.alarm}" data-moving="${isMoving(v)}">` +
    `<div class="vm-ring"></div>` +
    `<svg class="vm-arrow" viewBox="0 0 24 24" style="transform:rotate(${dir}deg)"><path d="M12 1.5 L20.5 21.5 L12 16.8 L3.5 21.5 Z"/></svg>` +
    `<div class="vm-plate">${esc(v.plate || v.id)}</div></div>`
  );
}

function tooltipHtml(rec: VehicleRec): string {
  const v = rec.v;
  const status = !v.online ? '<b class="tt-off">离线</b>' : rec.stale ? '<b class="tt-stale">定位中断</b>' : '<b class="tt-on">在线</b>';
  const speed = isNum(v.speedKmh) ? `${v.speedKmh.toFixed(0)} km/h` : '--';
  const dir = isNum(v.direction) ? `${headingLabel(v.direction)}（${Math.round(v.direction)}°）` : '--';
  return (
    `<div class="tt-title">${esc(v.plate || v.id)} ${status}</div>` +
    (v.enterpriseName ? `<div>${esc(v.enterpriseName)}</div>` : '') +
    `<div>速度 <b>${speed}</b>　方向 ${dir}</div>` +
    `<div>定位时间 ${v.ts ? `${esc(fmtListTime(v.ts, Date.now()))}（${esc(fmtAgo(v.ts))}）` : '--'}</div>` +
    (rec.alarm ? '<div class="tt-alarm">存在未处理报警</div>' : '')
  );
}

function restartClass(el: Element | null | undefined, cls: string, ms: number) {
  if (!(el instanceof HTMLElement)) return;
  el.classList.remove(cls);
  void el.offsetWidth; // reflow, so the animation starts again
  el.classList.add(cls);
  setTimeout(() => el.classList.remove(cls), ms);
}

export function vehicleLayer(map: L.Map): VehicleView {
  const layer = L.layerGroup().addTo(map);
  const markers = new Map<number, L.Marker>();
  const elOf = (m: L.Marker | undefined) => m?.getElement()?.querySelector('.vehicle-marker') ?? null;

  return {
    update(rec) {
      const v = rec.v;
      let m = markers.get(v.id);
      if (!hasPosition(v)) {
        if (m) layer.removeLayer(m), markers.delete(v.id);
        return;
      }
      const html = markerHtml(rec);
      if (!m) {
        const px = iconPx();
        m = L.marker([v.lat, v.lon], { icon: L.divIcon({ className: 'vehicle-icon', html, iconSize: [px, px] }), keyboard: false, riseOnHover: true, title: v.plate });
        m.bindTooltip(() => tooltipHtml(rec), { direction: 'top', offset: [0, -Math.round(px / 2)], className: 'vehicle-tip', opacity: 1 });
        m.addTo(layer);
        markers.set(v.id, m);
      } else {
        m.setLatLng([v.lat, v.lon]);
        (m.options.icon as L.DivIcon).options.html = html; // used if Leaflet ever rebuilds the icon
        const el = elOf(m);
        if (el instanceof HTMLElement) {
          el.dataset.online = String(v.online);
          el.dataset.stale = String(rec.stale);
          el.dataset.alarm = String(rec.alarm);
          el.dataset.moving = String(isMoving(v));
          const arrow = el.querySelector<SVGElement>('.vm-arrow');
          if (arrow) arrow.style.transform = `rotate(${isNum(v.direction) ? v.direction : 0}deg)`;
          const plate = el.querySelector('.vm-plate');
          if (plate && plate.textContent !== (v.plate || String(v.id))) plate.textContent = v.plate || String(v.id);
        }
        if (m.isTooltipOpen()) m.setTooltipContent(tooltipHtml(rec));
      }
      m.setZIndexOffset(rec.alarm ? 1000 : v.online && !rec.stale ? 100 : 0);
    },
    remove(id) {
      const m = markers.get(id);
      if (m) layer.removeLayer(m), markers.delete(id);
    },
    clear() {
      layer.clearLayers();
      markers.clear();
    },
    flash(rec) {
      const m = markers.get(rec.v.id);
      if (!m) return false;
      restartClass(elOf(m), 'flash', 10_000);
      return true;
    },
    focus(rec) {
      const m = markers.get(rec.v.id);
      if (!m) return false;
      map.flyTo(m.getLatLng(), Math.max(map.getZoom(), 15.5), { duration: 0.8 });
      m.openTooltip();
      restartClass(elOf(m), 'flash', 10_000);
      return true;
    },
  };
}
