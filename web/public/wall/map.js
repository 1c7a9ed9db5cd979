// Centre map (#map): Leaflet without any tile layer, vector base map only.
import { drawBasemap } from './basemap.js';
import { toast } from './toast.js';

const L = window.L;
const BASEMAP_URL = new URL('./park-basemap.geojson', import.meta.url).href;
// GCJ-02 centre of the demo park, used until the base map is loaded
const DEFAULT_CENTER = [41.5223, 120.4058];

let map = null;
let parkBounds = null;

function zoomClasses() {
  const z = map.getZoom();
  const c = map.getContainer().classList;
  c.toggle('z-lt14', z < 14);
  c.toggle('z-lt15', z < 15);
  c.toggle('z-lt16', z < 16);
  c.toggle('z-ge17', z >= 17);
}

export function fitPark(animate = false) {
  if (!map) return;
  if (parkBounds) map.fitBounds(parkBounds, { padding: [24, 24], animate });
  else map.setView(DEFAULT_CENTER, 14, { animate });
}

const ResetControl = L.Control.extend({
  options: { position: 'topleft' },
  onAdd() {
    const btn = L.DomUtil.create('button', 'map-reset');
    btn.type = 'button';
    btn.textContent = '复位';
    btn.title = '恢复到园区全景';
    L.DomEvent.disableClickPropagation(btn);
    L.DomEvent.on(btn, 'click', () => fitPark(true));
    return btn;
  },
});

export async function initMap(el) {
  if (map) {
    map.invalidateSize();
    return map;
  }
  map = L.map(el, {
    attributionControl: false,
    zoomControl: true,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    wheelPxPerZoomLevel: 120,
    minZoom: 10,
    maxZoom: 19,
  });
  map.createPane('basemap').style.zIndex = 250;
  const labels = map.createPane('labels');
  labels.style.zIndex = 450;
  labels.style.pointerEvents = 'none';
  map.setView(DEFAULT_CENTER, 14);
  new ResetControl().addTo(map);
  L.control.scale({ imperial: false, position: 'bottomright' }).addTo(map);
  map.on('zoomend', zoomClasses);
  zoomClasses();

  try {
    const res = await fetch(BASEMAP_URL, { cache: 'no-cache' });
    if (!res.ok) throw new Error(String(res.status));
    parkBounds = drawBasemap(map, await res.json());
  } catch (err) {
    console.error('basemap', err);
    toast('园区底图加载失败，仅显示车辆位置', 'error');
  }
  map.invalidateSize();
  fitPark(false);
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => map.invalidateSize(), 150);
  });
  return map;
}

export function getMap() { return map; }
