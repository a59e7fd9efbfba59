// A plain map with the outlines (and, when the element has data-tw-points, those points): the base other maps build on.
import { createMap, L } from '../map/base-map.js';

export default function start(element) {
  const map = createMap(element);
  const points = JSON.parse(element.dataset.twPoints ?? '[]');
  for (const p of points) {
    L.circleMarker([p.lat, p.lon], { radius: 6 }).bindTooltip(String(p.label ?? '')).addTo(map);
  }
}
