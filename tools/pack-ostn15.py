#!/usr/bin/env python3
"""Packs Ordnance Survey's OSTN15 shift grid into the compressed resource Tagwatch.Core embeds.

Input: the two 701 x 1251 grids of unsigned 16-bit little-endian node values (east and north shift in millimetres
minus a base), as redistributed by thruston/grid-banger (osgb/ostn_east_shift_82140, osgb/ostn_north_shift_-84180).
Output: src/Tagwatch.Core/Geo/Ostn15/ostn15-shifts.zlib, the format Ostn15Grid reads (see the README beside it):
each grid delta-coded (a node minus its west neighbour; a row's first node minus the first node of the row below),
mod 2^16, split into a plane of low bytes and a plane of high bytes, the four planes (east low, east high, north low,
north high) concatenated and zlib-compressed at level 9. Deltas between neighbouring 1 km nodes are small, so the
high-byte planes are almost constant: 3.5 MB becomes about 0.44 MB.

Usage: tools/pack-ostn15.py EAST_FILE NORTH_FILE [OUTPUT]
"""
import array
import hashlib
import sys
import zlib

COLUMNS, ROWS = 701, 1251


def read_grid(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != COLUMNS * ROWS * 2:
        sys.exit(f"{path}: {len(data)} bytes, expected {COLUMNS * ROWS * 2}")
    values = array.array("H")
    values.frombytes(data)
    if sys.byteorder != "little":
        values.byteswap()
    print(f"{path}: sha256 {hashlib.sha256(data).hexdigest()}")
    return values


def planes(values):
    deltas = bytearray(len(values) * 2)
    for i, v in enumerate(values):
        if i % COLUMNS:
            previous = values[i - 1]
        else:
            previous = values[i - COLUMNS] if i >= COLUMNS else 0
        d = (v - previous) & 0xFFFF
        deltas[2 * i] = d & 0xFF
        deltas[2 * i + 1] = d >> 8
    return bytes(deltas[0::2]) + bytes(deltas[1::2])


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    output = sys.argv[3] if len(sys.argv) == 4 else "src/Tagwatch.Core/Geo/Ostn15/ostn15-shifts.zlib"
    packed = zlib.compress(planes(read_grid(sys.argv[1])) + planes(read_grid(sys.argv[2])), 9)
    with open(output, "wb") as f:
        f.write(packed)
    print(f"{output}: {len(packed)} bytes")


if __name__ == "__main__":
    main()
