// The near-search map: a click chooses the centre (written into the latitude and longitude fields, which can also be
// typed), the radius field sizes the circle, and a search's results are drawn as rings at each tag's closest distance
// (the search answers how close a tag came, not where: a ring says exactly that and no more).
import { createMap, L } from '../map/base-map.js';
import { addLegend, textLabel } from '../map/map-legend.js';

export default function start(element) {
  const field = name => document.getElementById(element.dataset[name]);
  const latitude = field('twLatitude');
  const longitude = field('twLongitude');
  const radius = field('twRadius');
  const results = JSON.parse(element.dataset.twResults || 'null');
  const map = createMap(element);
  const area = L.layerGroup().addTo(map);

  const read = () => {
    const lat = Number.parseFloat(latitude?.value ?? '');
    const lon = Number.parseFloat(longitude?.value ?? '');
    const r = Number.parseFloat(radius?.value ?? '');
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon, r: Number.isFinite(r) && r > 0 ? r : 0 } : null;
  };

  const draw = () => {
    area.clearLayers();
    const at = read();
    if (!at) {
      return null;
    }

    L.circleMarker([at.lat, at.lon], { radius: 5, color: '#0b0c0c', fillColor: '#0b0c0c', fillOpacity: 1, interactive: false }).addTo(area);
    return at.r > 0
      ? L.circle([at.lat, at.lon], { radius: at.r, color: '#1d70b8', weight: 2, fillOpacity: 0.08, interactive: false }).addTo(area)
      : null;
  };

  map.on('click', event => {
    if (latitude && longitude) {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      draw();
    }
  });
  for (const input of [latitude, longitude, radius]) {
    input?.addEventListener('input', draw);
  }

  const circle = draw();
  if (results && results.centre) {
    const centre = [results.centre.lat, results.centre.lon];
    for (const hit of results.hits ?? []) {
      L.circle(centre, { radius: Math.max(hit.distanceMetres, 1), color: '#d4351c', weight: 2, dashArray: '6 4', fill: false })
        .bindTooltip(textLabel(hit.label))
        .addTo(map);
    }
  }

  if (circle) {
    map.fitBounds(circle.getBounds(), { padding: [30, 30] });
  }

  addLegend(map, 'Search', [
    ['centre', 'Centre: click the map or type it'],
    ['area', 'Search area'],
    ['ring', 'A result: how close the tag came'],
  ]);
  element.dataset.twReady = 'true';
}
