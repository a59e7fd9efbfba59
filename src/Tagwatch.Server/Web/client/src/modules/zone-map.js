// The person's map: their conditions' areas and home; for an officer who may change them, a drawing aid for the
// zone form (adding a zone, or changing one in force): a click sets a circle's centre or adds a polygon corner, the
// centre and corners can be dragged, and the shape is drawn as the fields change. The fields stay the truth (typing
// works without the map), so the form is usable by keyboard alone.
import { createMap, L } from '../map/base-map.js';
import { drawZones } from '../map/zones.js';

export default function start(element) {
  // The zone being changed is drawn by the editor (dashed, with handles), not among the others.
  const changing = Number(element.dataset.twChanging || 0);
  const zones = JSON.parse(element.dataset.twZones ?? '[]').filter(zone => zone.id !== changing);
  const home = JSON.parse(element.dataset.twHome ?? 'null');
  const map = createMap(element, { zoom: 13, centre: home ? [home.lat, home.lon] : undefined });
  const drawn = drawZones(map, zones);
  const editor = element.dataset.twEditor ? document.getElementById(element.dataset.twEditor) : null;
  if (home) {
    const tip = document.createElement('span');
    tip.textContent = 'Home address';
    L.circleMarker([home.lat, home.lon], { radius: 6, color: '#0b0c0c', fillOpacity: 1 }).bindTooltip(tip).addTo(map);
  }

  const preview = editor ? edit(map, editor) : null;
  const shown = changing && preview?.getLayers().length > 0 ? preview : drawn;
  if (shown.getLayers().length > 0) {
    map.fitBounds(shown.getBounds().pad(0.3));
  }

  element.dataset.twReady = 'true';
}

function edit(map, form) {
  const field = name => form.elements.namedItem(name);
  const shape = () => form.querySelector('input[name="Zone.Shape"]:checked')?.value ?? 'circle';
  const style = { color: '#0b0c0c', weight: 2, dashArray: '6 4', fillOpacity: 0.05 };
  const handleIcon = L.divIcon({ className: 'tw-map__handle', iconSize: [14, 14] });
  const preview = L.featureGroup().addTo(map);
  const handles = L.layerGroup().addTo(map);

  const corners = () => (field('Zone.Polygon').value || '').split('\n')
    .map(line => line.split(',').map(Number))
    .filter(p => p.length === 2 && p.every(Number.isFinite));
  const fixed = latlng => [latlng.lat.toFixed(6), latlng.lng.toFixed(6)];
  const setCorners = points => {
    field('Zone.Polygon').value = points.map(p => `${p[0]}, ${p[1]}`).join('\n');
  };

  // The shape from the fields, dashed; with the handles too unless a handle is being dragged (it stays under the pointer).
  const redraw = ({ keepHandles = false } = {}) => {
    preview.clearLayers();
    if (!keepHandles) {
      handles.clearLayers();
    }

    if (shape() === 'polygon') {
      const points = corners();
      if (points.length >= 2) {
        (points.length >= 3 ? L.polygon(points, style) : L.polyline(points, style)).addTo(preview);
      }

      if (!keepHandles) {
        points.forEach((point, index) => handle(point, `Corner ${index + 1}`, latlng => {
          const moved = corners();
          moved[index] = fixed(latlng);
          setCorners(moved);
        }));
      }
    } else {
      const lat = Number(field('Zone.Latitude').value), lon = Number(field('Zone.Longitude').value), radius = Number(field('Zone.Radius').value);
      if (field('Zone.Latitude').value && Number.isFinite(lat) && Number.isFinite(lon)) {
        if (radius > 0) {
          L.circle([lat, lon], { ...style, radius }).addTo(preview);
        }

        if (!keepHandles) {
          handle([lat, lon], 'Centre', latlng => {
            [field('Zone.Latitude').value, field('Zone.Longitude').value] = fixed(latlng);
          });
        }
      }
    }

    map.getContainer().dataset.twDrawn = preview.getLayers().length > 0 ? shape() : '';
  };

  function handle(point, title, moveTo) {
    L.marker(point, { icon: handleIcon, draggable: true, title, keyboard: false })
      .on('drag', event => {
        moveTo(event.target.getLatLng());
        redraw({ keepHandles: true });
      })
      .on('dragend', () => redraw())
      .addTo(handles);
  }

  map.on('click', event => {
    const [lat, lon] = fixed(event.latlng);
    if (shape() === 'polygon') {
      const text = field('Zone.Polygon').value.trim();
      field('Zone.Polygon').value = (text ? `${text}\n` : '') + `${lat}, ${lon}`;
    } else {
      field('Zone.Latitude').value = lat;
      field('Zone.Longitude').value = lon;
    }

    redraw();
  });

  form.addEventListener('input', () => redraw());
  form.addEventListener('change', () => redraw());
  form.querySelector('[data-tw-clear-shape]')?.addEventListener('click', () => {
    field('Zone.Polygon').value = '';
    field('Zone.Latitude').value = '';
    field('Zone.Longitude').value = '';
    redraw();
  });
  redraw();
  return preview;
}
