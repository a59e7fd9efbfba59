// Lower-layer super output area outlines (from the boundary manifest's lsoa* files) as a layer a map can offer: dense, so
// drawn only from street-level zoom and only while the user's switch is on.
import { L, boundaryFiles } from './base-map.js';

export const LSOA_MIN_ZOOM = 14;

// The map element's data-tw-lsoa says the layer's state (off, waiting-for-zoom, shown), for anyone checking it.
export function lsoaOutlines(map) {
  const layer = L.layerGroup();
  let wanted = false;
  let loaded = false;

  const sync = () => {
    const show = wanted && map.getZoom() >= LSOA_MIN_ZOOM;
    if (show && !map.hasLayer(layer)) {
      layer.addTo(map);
      layer.eachLayer(l => l.bringToBack?.());
    } else if (!show && map.hasLayer(layer)) {
      layer.remove();
    }

    map.getContainer().dataset.twLsoa = !wanted ? 'off' : show ? 'shown' : 'waiting-for-zoom';
  };

  const load = () => {
    if (loaded) {
      return Promise.resolve();
    }

    loaded = true;
    return boundaryFiles()
      .then(files => Promise.all(files.filter(f => f.startsWith('lsoa')).map(f => fetch(`/assets/boundaries/${f}`).then(r => r.json()))))
      .then(sets => {
        for (const geojson of sets) {
          L.geoJSON(geojson, { interactive: false, style: { color: '#6f777b', weight: 1, dashArray: '3 3', fill: false } }).addTo(layer);
        }
      }).catch(() => { /* outlines are context only */ });
  };

  map.on('zoomend', sync);
  return {
    layer,
    /** Switches the outlines on or off; on, they show once the map is zoomed in far enough. */
    async setWanted(on) {
      wanted = on;
      if (on) {
        await load();
      }

      sync();
    },
    visible: () => map.hasLayer(layer),
  };
}
