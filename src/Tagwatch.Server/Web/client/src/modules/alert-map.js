// An alert's evidence: the fixes it rests on, each with its accuracy circle and time, the map fitted to them.
import { createMap, L } from '../map/base-map.js';

export default function start(element) {
  const map = createMap(element);
  const fixes = JSON.parse(element.dataset.twFixes ?? '[]');
  const bounds = [];
  fixes.forEach((f, i) => {
    if (f.accuracyM) {
      L.circle([f.lat, f.lon], { radius: f.accuracyM, color: '#1d70b8', weight: 1, fillOpacity: 0.1, interactive: false }).addTo(map);
    }

    const label = document.createElement('div');
    label.textContent = `Fix ${i + 1}: ${new Date(f.time).toLocaleString('en-GB', { timeZone: 'Europe/London' })}`
      + (f.accuracyM ? `, accurate to ${Math.round(f.accuracyM)} m` : '');
    L.circleMarker([f.lat, f.lon], { radius: 6, color: '#ffffff', weight: 2, fillColor: '#d4351c', fillOpacity: 1 }).bindTooltip(label).addTo(map);
    bounds.push([f.lat, f.lon]);
  });
  if (bounds.length > 1) {
    L.polyline(bounds, { color: '#d4351c', weight: 2, dashArray: '4 4', interactive: false }).addTo(map);
  }

  if (bounds.length > 0) {
    map.fitBounds(L.latLngBounds(bounds).pad(0.5), { maxZoom: 15 });
  }
}
