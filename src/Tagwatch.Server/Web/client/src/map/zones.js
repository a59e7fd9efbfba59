// Conditions' areas on a map: colour by kind (with the kind and name in each tooltip, so colour is not the only signal).
import { L } from './base-map.js';

export const zoneColours = { exclusion: '#d4351c', inclusion: '#00703c', curfew: '#1d70b8' };

export function tooltipText(zone) {
  const kind = { exclusion: 'Exclusion zone', inclusion: 'Inclusion zone', curfew: 'Curfew area' }[zone.kind] ?? zone.kind;
  return `${kind}: ${zone.label}${zone.buffer > 0 ? ` (with a ${zone.buffer} m buffer)` : ''}`;
}

export function drawZones(map, zones) {
  const layer = L.featureGroup().addTo(map);
  for (const zone of zones) {
    const style = { color: zoneColours[zone.kind] ?? '#505a5f', weight: 2, fillOpacity: 0.15 };
    const shape = zone.circle
      ? L.circle([zone.circle.lat, zone.circle.lon], { ...style, radius: zone.circle.radius })
      : L.geoJSON(zone.geometry, { style });
    const tip = document.createElement('span');
    tip.textContent = tooltipText(zone);
    shape.bindTooltip(tip, { sticky: true }).addTo(layer);
  }

  return layer;
}
