// One way to make a map: Leaflet on the configured tile source (data-tw-tiles / data-tw-attribution on <body>), or on a
// plain background when none is configured or none loads, always with the borough and ward outlines so the map reads offline.
import L from 'leaflet';

const london = [51.43, -0.1];
let manifest;
let outlines;

/** The outline files the build copied (fetched once per page, whichever map asks first). */
export function boundaryFiles() {
  manifest ??= fetch('/assets/boundaries/manifest.json').then(r => r.json());
  return manifest;
}

async function loadOutlines() {
  // LSOA outlines are dense: only maps that offer them fetch them (lsoa-outlines.js).
  outlines ??= boundaryFiles()
    .then(files => Promise.all(files.filter(f => !f.startsWith('lsoa')).map(f => fetch(`/assets/boundaries/${f}`).then(r => r.json()).then(g => ({ file: f, geojson: g })))));
  return outlines;
}

export function createMap(element, { zoom = 11, centre = london } = {}) {
  const map = L.map(element, { preferCanvas: false, zoomSnap: 0.5 }).setView(centre, zoom);
  const body = document.body.dataset;
  if (body.twTiles) {
    L.tileLayer(body.twTiles, { attribution: body.twAttribution ?? '', maxZoom: Number(body.twMaxZoom ?? 19) }).addTo(map);
  }

  const outlineLayer = L.layerGroup().addTo(map);
  loadOutlines().then(sets => {
    for (const { file, geojson } of sets) {
      const borough = file.startsWith('pilot-boroughs');
      L.geoJSON(geojson, {
        interactive: false,
        style: { color: borough ? '#505a5f' : '#b1b4b6', weight: borough ? 2 : 1, fill: false },
      }).addTo(outlineLayer);
    }

    outlineLayer.eachLayer(l => l.bringToBack?.());
  }).catch(() => { /* outlines are context only */ });
  return map;
}

export { L };
