// The crimes of the table's page on a map: one canvas circle marker per crime (canvas, so a full page of crimes draws
// fast), knife-related categories in a stronger colour and said in the legend, a popup of DOM nodes (never an HTML
// string: a crime's description is police free text) with the crime's facts. Two layers the user switches on: police.uk
// area crimes of the same months and borough (area-crime-layer.js) and LSOA outlines when zoomed in.
import { createMap, L } from '../map/base-map.js';
import { addLegend } from '../map/map-legend.js';
import { lsoaOutlines } from '../map/lsoa-outlines.js';
import { areaCrimeLayer } from './area-crime-layer.js';

function popup(crime) {
  const box = document.createElement('div');
  const title = document.createElement('p');
  title.className = 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1';
  title.textContent = `${crime.reference}: ${crime.category}${crime.knife ? ' (knife-related)' : ''}`;
  box.append(title);
  for (const line of [crime.committed, crime.borough, `Location precise to ${Math.round(crime.precisionMetres)} m`, crime.text]) {
    if (line) {
      const p = document.createElement('p');
      p.className = 'govuk-body-s govuk-!-margin-bottom-1';
      p.textContent = line;
      box.append(p);
    }
  }

  return box;
}

export default function start(element) {
  const crimes = JSON.parse(element.dataset.twCrimes || '[]');
  const map = createMap(element);
  const renderer = L.canvas({ padding: 0.5 });
  const points = [];
  for (const crime of crimes) {
    const at = [crime.lat, crime.lon];
    const colour = crime.knife ? '#d4351c' : '#1d70b8';
    L.circleMarker(at, { renderer, radius: crime.knife ? 7 : 5, color: '#ffffff', weight: 1, fillColor: colour, fillOpacity: 0.9 })
      .bindPopup(() => popup(crime))
      .addTo(map);
    points.push(at);
  }

  if (points.length > 0) {
    map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 15 });
  }

  addLegend(map, 'Crimes', [
    ['crime', 'Knife-related crime (robbery, violence, weapon possession)'],
    ['crime-other', 'Other crime'],
  ]);
  offerLayers(element, map);
  element.dataset.twReady = 'true';
}

// The page's layer switches (hidden until this script runs: without it they would do nothing).
function offerLayers(element, map) {
  const switches = document.querySelector('[data-testid="crime-map-layers"]');
  const areaSwitch = document.getElementById('area-crime-layer');
  const lsoaSwitch = document.getElementById('lsoa-layer');
  if (!switches || !areaSwitch || !lsoaSwitch) {
    return;
  }

  const area = areaCrimeLayer(map, {
    from: element.dataset.twAreaFrom,
    to: element.dataset.twAreaTo,
    borough: element.dataset.twAreaBorough,
    status: document.getElementById('area-crime-status'),
  });
  const lsoa = lsoaOutlines(map);
  areaSwitch.addEventListener('change', () => area.setShown(areaSwitch.checked));
  document.getElementById('area-crime-type')?.addEventListener('change', event => area.setCrimeType(event.target.value));
  lsoaSwitch.addEventListener('change', () => lsoa.setWanted(lsoaSwitch.checked));
  switches.hidden = false;
}
