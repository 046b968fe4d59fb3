#!/usr/bin/env python3
"""Draws ChatCrm's two Teams icons without any imaging library (zlib only), so they can be regenerated anywhere.

color.png   192x192 RGB, full bleed brand blue #1d4e89 with a white speech bubble holding a blue "C".
outline.png  32x32  RGBA, the same bubble as a white outline on transparent (every visible pixel is pure white).

Run from the repository root:  python3 manifests/tools/make_icons.py
"""
import math
import os
import struct
import zlib

BRAND = (0x1D, 0x4E, 0x89)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersampling per axis: smooth edges without a rasterizer


def rounded_rect(x, y, left, top, right, bottom, radius):
    """True when (x, y) lies inside the rounded rectangle."""
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return left <= x <= right and top <= y <= bottom and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))


def bubble(x, y, inset=0.0):
    """The speech bubble (unit square coordinates), shrunk by `inset` for outlines."""
    body = rounded_rect(x, y, 0.14 + inset, 0.18 + inset, 0.86 - inset, 0.72 - inset, max(0.14 - inset, 0.01))
    tail = triangle(x, y, (0.26 + inset, 0.66), (0.46 - inset, 0.66), (0.22 + inset * 0.6, 0.86 - inset * 1.6))
    return body or tail


def letter_c(x, y, outer, inner):
    """A "C": a ring around the bubble's centre, open towards the right."""
    dx, dy = x - 0.5, y - 0.45
    r = math.hypot(dx, dy)
    opening = abs(math.degrees(math.atan2(dy, dx))) < 42
    return inner <= r <= outer and not opening


def coverage(size, inside):
    """Fraction of each pixel covered by the shape, row by row."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    hits += inside(x, y)
            row.append(hits / (SAMPLES * SAMPLES))
        rows.append(row)
    return rows


def png(path, size, color_type, pixels):
    """Writes a PNG: signature, IHDR, one zlib-compressed IDAT (filter 0 on every row), IEND."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in pixels)
    header = struct.pack(">IIBBBBB", size, size, 8, color_type, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "teams")
    white = coverage(192, lambda x, y: bubble(x, y) and not letter_c(x, y, 0.17, 0.105))
    png(os.path.join(here, "color.png"), 192, 2, [[mix(BRAND, WHITE, t) for t in row] for row in white])

    # The outline: the bubble's rim (bubble minus a smaller bubble) and a thinner "C"; alpha carries the shape.
    rim = 0.075
    shape = coverage(32, lambda x, y: (bubble(x, y) and not bubble(x, y, rim)) or letter_c(x, y, 0.16, 0.09))
    png(os.path.join(here, "outline.png"), 32, 6, [[WHITE + (round(255 * t),) for t in row] for row in shape])


if __name__ == "__main__":
    main()
