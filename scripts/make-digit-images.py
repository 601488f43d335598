#!/usr/bin/env python3
"""Draws the walkthrough's example digit "photos" into notebooks/images/.

Each digit is a hand-drawn-style pen stroke (jittered, varying width) on off-white paper with
uneven lighting, sensor noise and a slight blur, at an arbitrary size and off-centre — the kind of
picture a student takes with a phone. Deterministic (fixed seed). Needs Pillow and numpy:
    pip install pillow numpy && python3 scripts/make-digit-images.py
"""
import math
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

OUT = os.path.join(os.path.dirname(__file__), "..", "notebooks", "images")


def arc(cx, cy, rx, ry, start, end, steps=40):
    """Points on an ellipse from angle start to end (degrees, 0 = right, clockwise on screen)."""
    return [(cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a)))
            for a in np.linspace(start, end, steps)]


def line(*points, steps=12):
    out = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        out += [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in np.linspace(0, 1, steps)]
    return out


# Strokes per digit in a unit box (x right, y down); each stroke is a list of points.
DIGITS = {
    0: [arc(0.5, 0.5, 0.3, 0.44, -100, 265)],
    1: [line((0.32, 0.22), (0.52, 0.05), (0.52, 0.95))],
    2: [arc(0.5, 0.3, 0.3, 0.24, 190, 380) + line((0.78, 0.38), (0.2, 0.93), (0.85, 0.93))],
    3: [arc(0.47, 0.28, 0.28, 0.22, 200, 450) + arc(0.47, 0.71, 0.33, 0.23, -90, 150)],
    4: [line((0.62, 0.05), (0.15, 0.66), (0.88, 0.66)), line((0.66, 0.32), (0.64, 0.97))],
    5: [line((0.82, 0.07), (0.32, 0.07), (0.27, 0.45)) + arc(0.5, 0.67, 0.32, 0.26, -130, 150)],
    6: [arc(0.78, 0.62, 0.52, 0.58, -110, -180, steps=25) + arc(0.5, 0.7, 0.26, 0.24, 180, 540)],
    7: [line((0.15, 0.1), (0.86, 0.1), (0.42, 0.96))],
    8: [arc(0.5, 0.28, 0.21, 0.21, 90, 450) + arc(0.5, 0.71, 0.27, 0.25, -90, 270)],
    9: [arc(0.5, 0.3, 0.24, 0.22, 0, 360) + line((0.74, 0.3), (0.62, 0.96))],
}


def draw_digit(digit, rng, size, ext):
    width, height = size
    glyph_h = rng.uniform(0.45, 0.7) * height
    glyph_w = glyph_h * rng.uniform(0.6, 0.8)
    left = rng.uniform(0.12, 0.88 - glyph_w / width) * width
    top = rng.uniform(0.12, 0.88 - glyph_h / height) * height
    slant = rng.uniform(-0.15, 0.1)
    pen = max(3, int(glyph_h * rng.uniform(0.06, 0.1)))

    canvas = Image.new("L", (width, height), 0)
    ink = ImageDraw.Draw(canvas)
    for stroke in DIGITS[digit]:
        jitter = [(x + rng.gauss(0, 0.008), y + rng.gauss(0, 0.008)) for x, y in stroke]
        points = [(left + (x + slant * (1 - y)) * glyph_w, top + y * glyph_h) for x, y in jitter]
        ink.line(points, fill=255, width=pen, joint="curve")
        for x, y in (points[0], points[-1]):
            ink.ellipse([x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2], fill=255)
    canvas = canvas.filter(ImageFilter.GaussianBlur(radius=pen * 0.15))
    ink_alpha = np.asarray(canvas, dtype=np.float64) / 255.0

    # Paper: warm off-white with a lighting gradient and noise; ink: dark blue-black.
    ys, xs = np.mgrid[0:height, 0:width]
    light = 0.85 + 0.15 * (xs / width) * rng.uniform(0.5, 1.0) - 0.08 * (ys / height)
    paper = np.stack([232 * light, 226 * light, 212 * light], axis=-1)
    ink_color = np.array([35, 38, 60], dtype=np.float64)
    pixels = paper * (1 - ink_alpha[..., None]) + ink_color * ink_alpha[..., None]
    pixels += np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    path = os.path.join(OUT, f"digit-{digit}.{ext}")
    if ext == "jpg":
        image.save(path, quality=85)
    else:
        image.save(path, optimize=True)
    return path


def main():
    rng = random.Random(2026)
    os.makedirs(OUT, exist_ok=True)
    sizes = [(320, 320), (400, 300), (300, 420), (256, 256), (480, 360)]
    for digit in range(10):
        size = sizes[digit % len(sizes)]
        ext = "jpg" if digit % 2 else "png"
        print(draw_digit(digit, rng, size, ext))
    # The name ARCHITECTURE.md's example notebook uses.
    Image.open(os.path.join(OUT, "digit-7.jpg")).save(os.path.join(OUT, "seven.png"), optimize=True)


if __name__ == "__main__":
    main()
