// The monitoring centre's live map: every worn tag at its last fix, coloured AND labelled by state (legend, tooltip and
// the summary line), refreshed by polling /api/v1/positions/live every few seconds. A tag with an unhandled breach in the
// queue is "in breach"; otherwise its last contact decides: reporting, late, or silent past the monitor's threshold.
import { createMap, L } from '../map/base-map.js';
import { api, ApiError } from '../api.js';

const POLL_MS = 10_000;
const LATE_AFTER_S = 5 * 60;

const STATES = {
  breach: { label: 'In breach', colour: '#d4351c', radius: 9 },
  silent: { label: 'Silent', colour: '#0b0c0c', radius: 7 },
  late: { label: 'Late', colour: '#f47738', radius: 7 },
  reporting: { label: 'Reporting', colour: '#00703c', radius: 6 },
};

function age(seconds) {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86400)} days`;
}

function breachTags() {
  const holder = document.querySelector('#alert-queue [data-tw-breach-tags]');
  return new Set(JSON.parse(holder?.dataset.twBreachTags ?? '[]'));
}

function stateOf(position, now, silentAfter, breaches) {
  if (breaches.has(position.tag)) return 'breach';
  const contact = position.last_contact ?? position.time;
  if (!contact) return 'silent';
  const seconds = (now - Date.parse(contact)) / 1000;
  if (seconds > silentAfter) return 'silent';
  return seconds > LATE_AFTER_S ? 'late' : 'reporting';
}

function tooltip(position, state, now) {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = position.offender ?? `Tag ${position.tag}`;
  box.append(title);
  const lines = [
    `State: ${STATES[state].label}`,
    `Tag ${position.tag}`,
    position.time ? `Last fix ${age((now - Date.parse(position.time)) / 1000)} ago` : 'No fix in the last 12 hours',
    position.last_contact ? `Last contact ${age((now - Date.parse(position.last_contact)) / 1000)} ago` : 'Never in contact',
    position.battery_percent == null ? 'Battery unknown' : `Battery ${position.battery_percent}%`,
  ];
  for (const text of lines) {
    const line = document.createElement('div');
    line.textContent = text;
    box.append(line);
  }

  return box;
}

function legend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'tw-map__legend');
    const heading = document.createElement('strong');
    heading.textContent = 'Tag state';
    box.append(heading);
    const list = document.createElement('ul');
    list.className = 'tw-legend__list';
    for (const [key, s] of Object.entries(STATES)) {
      const item = document.createElement('li');
      item.className = 'tw-legend__item';
      const swatch = document.createElement('span');
      swatch.className = `tw-legend__swatch tw-legend__swatch--${key}`;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, document.createTextNode(s.label));
      list.append(item);
    }

    box.append(list);
    return box;
  };
  return control;
}

export default function start(element) {
  const map = createMap(element);
  legend().addTo(map);
  const silentAfter = Number(element.dataset.twSilentAfter ?? 3600);
  const status = document.getElementById(element.dataset.twStatus);
  // One canvas for every marker, and each tag's marker kept and moved rather than drawn anew: a thousand tags
  // refresh in a few milliseconds without a pause the officer would notice.
  const renderer = L.canvas({ padding: 0.5 });
  const layer = L.layerGroup().addTo(map);
  const markers = new Map();
  let positions = [];
  let loads = 0;

  function draw() {
    const began = performance.now();
    const now = Date.now();
    const breaches = breachTags();
    const counts = { reporting: 0, late: 0, silent: 0, breach: 0 };
    const seen = new Set();
    for (const p of positions) {
      const state = stateOf(p, now, silentAfter, breaches);
      counts[state] += 1;
      if (p.latitude == null || p.longitude == null) continue;
      const s = STATES[state];
      seen.add(p.tag);
      let marker = markers.get(p.tag);
      if (!marker) {
        marker = L.circleMarker([p.latitude, p.longitude], { renderer, color: '#ffffff', weight: 2, fillOpacity: 0.95 }).addTo(layer);
        markers.set(p.tag, marker);
      } else {
        marker.setLatLng([p.latitude, p.longitude]);
      }

      if (marker.twState !== state) {
        marker.setStyle({ fillColor: s.colour }).setRadius(s.radius);
        marker.twState = state;
      }

      // The tooltip is built when it opens, so its ages are those of that moment, not of the last refresh.
      marker.twPosition = p;
      if (!marker.getTooltip()) {
        marker.bindTooltip(() => tooltip(marker.twPosition, marker.twState, Date.now()));
      }
    }

    for (const [tag, marker] of markers) {
      if (!seen.has(tag)) {
        layer.removeLayer(marker);
        markers.delete(tag);
      }
    }

    const unplaced = positions.filter(p => p.latitude == null).length;
    status.textContent = `${positions.length} worn ${positions.length === 1 ? "tag" : "tags"}: ${counts.reporting} reporting, ${counts.late} late, ${counts.silent} silent, ${counts.breach} in breach`
      + (unplaced > 0 ? ` (${unplaced} with no recent fix, not on the map)` : '') + '.';
    element.dataset.twTags = String(positions.length);
    // For the speed benchmark: how long the last redraw took, and how many refreshes there have been.
    element.dataset.twDrawMs = (performance.now() - began).toFixed(1);
    element.dataset.twLoads = String(++loads);
  }

  let fitted = false;
  async function load() {
    try {
      positions = await api('/api/v1/positions/live');
      draw();
      const placed = positions.filter(p => p.latitude != null).map(p => [p.latitude, p.longitude]);
      if (!fitted && placed.length > 0) {
        fitted = true;
        map.fitBounds(L.latLngBounds(placed).pad(0.3), { maxZoom: 14 });
      }
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) {
        status.textContent = 'Positions could not be loaded; trying again.';
      }
    }
  }

  async function poll() {
    await load();
    setTimeout(poll, POLL_MS);
  }

  // An alert change often follows a fix: show where the tag is now rather than at the next poll.
  document.addEventListener('tw:breach-tags', () => load());
  poll();
}
