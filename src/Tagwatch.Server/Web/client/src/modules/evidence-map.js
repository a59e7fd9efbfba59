// A match's evidence map: the crime point with its stated precision circle and the search buffer around it, the
// evidence points with their confidence circles (estimated accuracy dashed, interpolated points hollow), the path
// between them in time order, and any monitoring gap drawn as a gap (dashed grey, labelled) rather than as movement.
import { createMap, L } from '../map/base-map.js';
import { addLegend, textLabel } from '../map/map-legend.js';

const colours = { crime: '#d4351c', buffer: '#d4351c', fix: '#1d70b8', path: '#1d70b8', gap: '#505a5f' };

export default function start(element) {
  const data = JSON.parse(element.dataset.twEvidence ?? '{}');
  const points = [...(data.points ?? [])].sort((a, b) => a.timeMs - b.timeMs);
  const gaps = data.gaps ?? [];
  const map = createMap(element, { zoom: 16, centre: data.crime ? [data.crime.lat, data.crime.lon] : undefined });
  const extent = L.latLngBounds([]);

  if (data.crime) {
    const at = [data.crime.lat, data.crime.lon];
    const precision = Math.max(data.crime.precisionMetres ?? 0, 1);
    const buffer = L.circle(at, {
      radius: precision + (data.bufferMetres ?? 0), color: colours.buffer, weight: 2, dashArray: '8 6', fill: false, interactive: false,
    }).addTo(map);
    L.circle(at, { radius: precision, color: colours.crime, weight: 1, fillColor: colours.crime, fillOpacity: 0.15, interactive: false }).addTo(map);
    L.circleMarker(at, { radius: 7, color: '#ffffff', weight: 2, fillColor: colours.crime, fillOpacity: 1 })
      .bindTooltip(textLabel(data.crime.label), { permanent: true, direction: 'left', offset: [-10, 0], className: 'tw-map__label' })
      .addTo(map);
    extent.extend(buffer.getBounds());
  }

  // The path in time order, broken where a monitoring gap lies between two points: there the tag's whereabouts are
  // not known, so the line is dashed grey and says so, instead of suggesting the tag moved straight across.
  const inGap = (a, b) => gaps.find(g => a.timeMs <= g.fromMs && b.timeMs >= g.toMs);
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      L.polyline(run, { color: colours.path, weight: 3, opacity: 0.8, interactive: false }).addTo(map);
    }
  };
  points.forEach((p, i) => {
    const next = points[i + 1];
    run.push([p.lat, p.lon]);
    const gap = next && inGap(p, next);
    if (gap) {
      flush();
      run = [];
      L.polyline([[p.lat, p.lon], [next.lat, next.lon]], { color: colours.gap, weight: 3, dashArray: '2 8' })
        .bindTooltip(textLabel(gap.label), { permanent: true, direction: 'center', className: 'tw-map__label' })
        .addTo(map);
    }
  });
  flush();

  let closest = null;
  for (const p of points) {
    const at = [p.lat, p.lon];
    if (p.accuracyMetres) {
      L.circle(at, {
        radius: p.accuracyMetres, color: colours.fix, weight: 1, dashArray: p.estimated ? '4 4' : null, fillColor: colours.fix, fillOpacity: 0.08, interactive: false,
      }).addTo(map);
    }

    const marker = L.circleMarker(at, {
      radius: 5, color: colours.fix, weight: 2, fillColor: p.interpolated ? '#ffffff' : colours.fix, fillOpacity: 1,
    }).addTo(map);
    const words = `${p.time}: ${p.interpolated ? 'interpolated' : 'fix'}, ${p.distanceMetres} m from the crime`
      + (p.accuracyMetres ? `, accuracy ${p.accuracyMetres} m${p.estimated ? ' (estimated)' : ''}` : '');
    marker.bindTooltip(textLabel(words));
    if (!closest || p.distanceMetres < closest.p.distanceMetres) {
      closest = { p, marker };
    }

    extent.extend(at);
  }

  if (closest) {
    closest.marker.bindTooltip(textLabel(`Closest: ${closest.p.time}, ${closest.p.distanceMetres} m`), {
      permanent: true, direction: 'right', offset: [10, 0], className: 'tw-map__label',
    });
  }

  if (extent.isValid()) {
    map.fitBounds(extent, { padding: [40, 40], maxZoom: 18 });
  }

  const legend = [
    ['crime', 'Crime point'],
    ['precision', 'Stated precision of the crime location'],
    ['buffer', `Search buffer (${Math.round(data.bufferMetres ?? 0)} m beyond the precision)`],
    ['fix', 'Fix, with its confidence circle'],
    ['estimated', 'Confidence circle estimated (dashed)'],
    ['interpolated', 'Interpolated point (hollow)'],
    ['path', 'Path between points, in time order'],
  ];
  if (gaps.length > 0) {
    legend.push(['gap', 'Monitoring gap: whereabouts not known']);
  }

  addLegend(map, 'Evidence', legend);
  element.dataset.twReady = 'true';
}
