// Published police.uk street-level crimes as context on the crimes map: fetched from /api/v1/crimes/area for the page's
// months and borough (and a police.uk crime type when one is chosen), one square marker per anonymised map point (police.uk snaps many crimes to one point) showing how
// many crimes it holds, a tooltip of DOM nodes with the count per crime type, and a legend entry in words.
import { L } from '../map/base-map.js';
import { api } from '../api.js';
import { addLegend } from '../map/map-legend.js';

function sizeFor(count) {
  return count >= 100 ? 34 : count >= 10 ? 28 : 22;
}

function tooltip(place) {
  const box = document.createElement('div');
  const title = document.createElement('p');
  title.className = 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1';
  title.textContent = `${place.crimes} ${place.crimes === 1 ? 'crime' : 'crimes'}: ${place.by_type.map(t => `${t.crime_type} ${t.count}`).join(', ')}`;
  box.append(title);
  const note = document.createElement('p');
  note.className = 'govuk-body-s govuk-!-margin-bottom-0';
  note.textContent = 'police.uk area crime, at an anonymised point';
  box.append(note);
  return box;
}

function marker(place) {
  const size = sizeFor(place.crimes);
  const square = document.createElement('span');
  square.className = 'tw-area-crime';
  square.textContent = String(place.crimes);
  return L.marker([place.lat, place.lon], {
    icon: L.divIcon({ html: square, className: 'tw-area-crime-icon', iconSize: [size, size] }),
    keyboard: false,
    title: '',
  }).bindTooltip(tooltip(place));
}

function monthName(month) {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function monthsText(answer) {
  return answer.from === answer.to ? monthName(answer.from) : `${monthName(answer.from)} to ${monthName(answer.to)}`;
}

export function areaCrimeLayer(map, { from, to, borough, status }) {
  const layer = L.layerGroup();
  let legend = null;
  let loaded = null;
  let crimeType = '';
  let shown = false;

  const say = text => {
    if (status) {
      status.textContent = text;
    }
  };

  const load = async () => {
    const query = new URLSearchParams({ from, to });
    if (borough) {
      query.set('borough', borough);
    }

    if (crimeType) {
      query.set('crimeType', crimeType);
    }

    const answer = await api(`/api/v1/crimes/area?${query}`);
    layer.clearLayers();
    for (const place of answer.places) {
      marker(place).addTo(layer);
    }

    const placesText = `${answer.shown_places} ${answer.shown_places === 1 ? 'place' : 'places'}`;
    const what = crimeType ? `police.uk area crimes of type ${crimeType}` : 'police.uk area crimes';
    return answer.capped
      ? `${what}, ${monthsText(answer)}: showing ${answer.shown_crimes} of ${answer.total_crimes} crimes (the busiest ${placesText} of ${answer.total_places}).`
      : `${what}, ${monthsText(answer)}: ${answer.total_crimes} ${answer.total_crimes === 1 ? 'crime' : 'crimes'} at ${placesText}.`;
  };

  return {
    layer,
    // One police.uk crime type, or '' for all: reloaded at once when the layer is on.
    async setCrimeType(type) {
      crimeType = type;
      loaded = null;
      if (shown) {
        await this.setShown(true);
      }
    },
    async setShown(on) {
      shown = on;
      if (!on) {
        layer.remove();
        legend?.remove();
        legend = null;
        say('');
        return;
      }

      say('Loading police.uk area crimes…');
      try {
        loaded ??= load();
        const text = await loaded;
        layer.addTo(map);
        legend ??= addLegend(map, 'Area crimes', [['area-crime', 'police.uk area crimes: a square with the number of crimes at that anonymised point']], 'bottomright');
        say(text);
      } catch (error) {
        loaded = null;
        say(`The police.uk area crimes could not be loaded: ${error.message}`);
      }
    },
  };
}
