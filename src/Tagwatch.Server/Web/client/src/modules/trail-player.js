// Trail playback: reads the period's fixes from the trail API page by page, draws the trail on a canvas (fast for a
// month of fixes), breaks it at gaps in reporting (drawn dashed, with their length, and listed under the map), marks
// positions whose accuracy was estimated, and plays it back with a slider, play/pause and a speed: the cursor shows
// the position at that time with its accuracy circle.
import { api } from '../api.js';
import { createMap, L } from '../map/base-map.js';

const estimatedFlags = /AccuracyEstimated|AccuracyAssumed/;

export default async function start(element) {
  const mapElement = element.querySelector('[data-tw-map]');
  const slider = element.querySelector('[data-tw-slider]');
  const play = element.querySelector('[data-tw-play]');
  const speed = element.querySelector('[data-tw-speed]');
  const timeLabel = element.querySelector('[data-tw-time]');
  const gapList = element.querySelector('[data-tw-gaps]');
  const summary = element.querySelector('[data-tw-summary]');
  const gapMs = Number(element.dataset.twGapMinutes ?? 10) * 60_000;

  const map = createMap(mapElement, { zoom: 12 });
  const renderer = L.canvas({ padding: 0.5 });
  const fixes = await load(element.dataset.twSource, Number(element.dataset.twPageSize ?? 5000), timeLabel);
  performance.mark('tw-trail-fetched');
  if (fixes.length === 0) {
    timeLabel.textContent = 'No fixes in this period.';
    mapElement.dataset.twReady = 'true';
    element.dataset.twReady = 'true';
    return;
  }

  // Segments between gaps, each one polyline on the canvas.
  const segments = [];
  const gaps = [];
  let current = [];
  for (let i = 0; i < fixes.length; i++) {
    if (i > 0 && fixes[i].t - fixes[i - 1].t > gapMs) {
      segments.push(current);
      gaps.push({ from: fixes[i - 1], to: fixes[i] });
      current = [];
    }

    current.push([fixes[i].lat, fixes[i].lon]);
  }

  segments.push(current);
  const trail = L.featureGroup().addTo(map);
  for (const segment of segments) {
    L.polyline(segment, { renderer, color: '#1d70b8', weight: 3, opacity: 0.8, interactive: false }).addTo(trail);
  }

  for (const gap of gaps) {
    const tip = document.createElement('span');
    tip.textContent = `Gap of ${duration(gap.to.t - gap.from.t)}`;
    L.polyline([[gap.from.lat, gap.from.lon], [gap.to.lat, gap.to.lon]], { renderer, color: '#d4351c', weight: 2, dashArray: '6 6' })
      .bindTooltip(tip, { permanent: gap.to.t - gap.from.t >= 60 * 60_000, direction: 'center', className: 'tw-map__label' })
      .addTo(trail);
  }

  for (const fix of fixes) {
    if (estimatedFlags.test(fix.flags)) {
      L.circleMarker([fix.lat, fix.lon], { renderer, radius: 3, color: '#f47738', weight: 1, fillOpacity: 0.8, interactive: false }).addTo(trail);
    }
  }

  map.fitBounds(trail.getBounds().pad(0.1));
  listGaps(gapList, gaps);
  summary.textContent = `${fixes.length.toLocaleString('en-GB')} fixes from ${when(fixes[0].t)} to ${when(fixes[fixes.length - 1].t)}; ${gaps.length} gap${gaps.length === 1 ? '' : 's'} longer than ${gapMs / 60_000} minutes.`;

  // The cursor: the position at the slider's time and its accuracy.
  const accuracy = L.circle([fixes[0].lat, fixes[0].lon], { radius: fixes[0].acc ?? 0, color: '#0b0c0c', weight: 1, fillOpacity: 0.1, interactive: false }).addTo(map);
  const cursor = L.circleMarker([fixes[0].lat, fixes[0].lon], { radius: 7, color: '#0b0c0c', fillColor: '#ffdd00', fillOpacity: 1, weight: 2 }).addTo(map);
  slider.max = String(fixes.length - 1);
  slider.disabled = false;
  play.disabled = false;

  const show = index => {
    const fix = fixes[index];
    cursor.setLatLng([fix.lat, fix.lon]);
    accuracy.setLatLng([fix.lat, fix.lon]).setRadius(fix.acc ?? 0);
    const estimated = estimatedFlags.test(fix.flags) ? ', accuracy estimated' : '';
    timeLabel.textContent = `${when(fix.t)} — ±${Math.round(fix.acc ?? 0)} m${estimated}`;
    slider.setAttribute('aria-valuetext', when(fix.t));
    element.dataset.twCursor = String(fix.t);
  };

  slider.addEventListener('input', () => show(Number(slider.value)));

  let timer = null;
  let playTime = fixes[0].t;
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = 'Play';
  };
  play.addEventListener('click', () => {
    if (timer) {
      stop();
      return;
    }

    play.textContent = 'Pause';
    playTime = fixes[Number(slider.value)].t;
    const tickMs = 100;
    timer = setInterval(() => {
      playTime += Number(speed.value) * 60_000 * (tickMs / 1000);
      const index = indexAt(fixes, playTime);
      slider.value = String(index);
      show(index);
      if (index >= fixes.length - 1) {
        stop();
      }
    }, tickMs);
  });

  show(0);
  element.dataset.twFixes = String(fixes.length);
  element.dataset.twEstimated = String(fixes.filter(f => estimatedFlags.test(f.flags)).length);
  performance.mark('tw-trail-drawn');
  element.dataset.twReady = 'true';
}

async function load(source, pageSize, status) {
  const fixes = [];
  let after = null;
  do {
    const page = await api(`${source}&limit=${pageSize}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    appendColumns(fixes, page);
    after = page.next;
    status.textContent = `Loading the trail… ${fixes.length.toLocaleString('en-GB')} fixes`;
  } while (after);
  return fixes;
}

// A page in columns: times and coordinates are differences from the fix before (see the API's TrailColumnsResponse).
function appendColumns(fixes, page) {
  let t = page.origin_ms, lat = 0, lon = 0;
  for (let i = 0; i < page.count; i++) {
    t += page.time_ms[i];
    lat += page.latitude_e7[i];
    lon += page.longitude_e7[i];
    const accuracy = page.accuracy_dm[i];
    fixes.push({ t, lat: lat / 1e7, lon: lon / 1e7, acc: accuracy === null ? null : accuracy / 10, flags: page.flag_names[page.flag[i]] });
  }
}

function listGaps(list, gaps) {
  list.replaceChildren();
  if (gaps.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'None: the tag reported throughout.';
    list.append(item);
    return;
  }

  for (const gap of gaps) {
    const item = document.createElement('li');
    item.textContent = `${when(gap.from.t)} to ${when(gap.to.t)}: ${duration(gap.to.t - gap.from.t)} without a fix`;
    list.append(item);
  }
}

function indexAt(fixes, time) {
  let low = 0, high = fixes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fixes[middle].t <= time) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }

  return low;
}

const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const when = t => formatter.format(new Date(t));

function duration(ms) {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) {
    return `${minutes} min`;
  }

  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days ${hours % 24} h`;
}
