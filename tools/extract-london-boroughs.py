#!/usr/bin/env python3
"""Extract the 33 London local authorities (ONS codes E09*) from the 2013 England
local-authority TopoJSON into a plain GeoJSON FeatureCollection (WGS84).

Source: martinjc/UK-GeoJSON (CC BY 4.0; contains OS/ONS data, Crown copyright, OGL v3),
as laid out in ../shared/data/boundaries/. Usage:
    python3 tools/extract-london-boroughs.py ../shared/data/boundaries/england-local-authorities-2013.topojson \
        > src/Tagwatch.Core/Boroughs/london-boroughs.geojson
"""
import json
import sys


def decode_arcs(topology):
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([round(x * scale[0] + translate[0], 7), round(y * scale[1] + translate[1], 7)])
        decoded.append(points)
    return decoded


def ring(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(path):
    topology = json.load(open(path))
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["lad"]["geometries"]:
        props = geometry["properties"]
        if not props["LAD13CD"].startswith("E09"):
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        else:
            polygons = geometry["arcs"]
        coordinates = [[ring(arcs, r) for r in polygon] for polygon in polygons]
        features.append({
            "type": "Feature",
            "properties": {"code": props["LAD13CD"], "name": props["LAD13NM"]},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
        })
    features.sort(key=lambda f: f["properties"]["code"])
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
