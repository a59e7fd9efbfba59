// A map legend as a Leaflet control, built from DOM nodes (never HTML strings): each entry a swatch class and its words,
// so every symbol on the map is also said in text.
import { L } from './base-map.js';

export function addLegend(map, title, entries, position = 'topright') {
  const legend = L.control({ position });
  legend.onAdd = () => {
    const box = document.createElement('div');
    box.className = 'tw-map__legend';
    const heading = document.createElement('p');
    heading.className = 'tw-map__legend-title';
    heading.textContent = title;
    box.append(heading);
    const list = document.createElement('ul');
    list.className = 'tw-map__legend-list';
    for (const [swatch, text] of entries) {
      const item = document.createElement('li');
      const mark = document.createElement('span');
      mark.className = `tw-swatch tw-swatch--${swatch}`;
      mark.setAttribute('aria-hidden', 'true');
      item.append(mark, document.createTextNode(text));
      list.append(item);
    }

    box.append(list);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);
  return legend;
}

// Leaflet treats a string tooltip as HTML: user data goes in as a text node inside an element.
export function textLabel(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}
