// The crimes of the table's page on a map: one canvas circle marker per crime (canvas, so a full page of crimes draws
// fast), knife-related categories in a stronger colour and said in the legend, a popup of DOM nodes (never an HTML
// string: a crime's description is police free text) with the crime's facts.
import { createMap, L } from '../map/base-map.js';
import { addLegend } from '../map/map-legend.js';

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
  element.dataset.twReady = 'true';
}
