// The person's map: their conditions' areas and home; for an officer who may change them, a drawing aid for the
// "add a zone" form: a click sets a circle's centre or adds a polygon corner, and the shape is drawn as the fields
// change. The fields stay the truth (typing works without the map), so the form is usable by keyboard alone.
import { createMap, L } from '../map/base-map.js';
import { drawZones } from '../map/zones.js';

export default function start(element) {
  const zones = JSON.parse(element.dataset.twZones ?? '[]');
  const home = JSON.parse(element.dataset.twHome ?? 'null');
  const map = createMap(element, { zoom: 13, centre: home ? [home.lat, home.lon] : undefined });
  const drawn = drawZones(map, zones);
  if (home) {
    const tip = document.createElement('span');
    tip.textContent = 'Home address';
    L.circleMarker([home.lat, home.lon], { radius: 6, color: '#0b0c0c', fillOpacity: 1 }).bindTooltip(tip).addTo(map);
  }

  if (drawn.getLayers().length > 0) {
    map.fitBounds(drawn.getBounds().pad(0.3));
  }

  const form = element.dataset.twEditor ? document.getElementById(element.dataset.twEditor) : null;
  if (form) {
    edit(map, form);
  }

  element.dataset.twReady = 'true';
}

function edit(map, form) {
  const field = name => form.elements.namedItem(name);
  const shape = () => form.querySelector('input[name="Zone.Shape"]:checked')?.value ?? 'circle';
  let preview = null;

  const corners = () => (field('Zone.Polygon').value || '').split('\n')
    .map(line => line.split(',').map(Number))
    .filter(p => p.length === 2 && p.every(Number.isFinite));

  const redraw = () => {
    preview?.remove();
    preview = null;
    const style = { color: '#0b0c0c', weight: 2, dashArray: '6 4', fillOpacity: 0.05 };
    if (shape() === 'polygon') {
      const points = corners();
      if (points.length >= 2) {
        preview = (points.length >= 3 ? L.polygon(points, style) : L.polyline(points, style)).addTo(map);
      }
    } else {
      const lat = Number(field('Zone.Latitude').value), lon = Number(field('Zone.Longitude').value), radius = Number(field('Zone.Radius').value);
      if (field('Zone.Latitude').value && Number.isFinite(lat) && Number.isFinite(lon) && radius > 0) {
        preview = L.circle([lat, lon], { ...style, radius }).addTo(map);
      }
    }

    map.getContainer().dataset.twDrawn = preview ? shape() : '';
  };

  map.on('click', event => {
    const lat = event.latlng.lat.toFixed(6), lon = event.latlng.lng.toFixed(6);
    if (shape() === 'polygon') {
      const text = field('Zone.Polygon').value.trim();
      field('Zone.Polygon').value = (text ? `${text}\n` : '') + `${lat}, ${lon}`;
    } else {
      field('Zone.Latitude').value = lat;
      field('Zone.Longitude').value = lon;
    }

    redraw();
  });

  form.addEventListener('input', redraw);
  form.addEventListener('change', redraw);
  form.querySelector('[data-tw-clear-shape]')?.addEventListener('click', () => {
    field('Zone.Polygon').value = '';
    field('Zone.Latitude').value = '';
    field('Zone.Longitude').value = '';
    redraw();
  });
  redraw();
}
