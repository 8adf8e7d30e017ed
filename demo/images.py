"""Abstract cover pictures for the demo's case studies, networks and methods, drawn with Pillow.

No photographs and no downloads: a soft diagonal gradient between two colours with a few translucent
circles and a wave, laid out from the item's key so that every run draws the same picture.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (960, 540)


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[index : index + 2], 16) for index in (0, 2, 4))


def _mix(first, second, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def cover_png(key, colours):
    """A PNG of SIZE: `colours` (two or three "#rrggbb") blended diagonally, with shapes placed from `key`."""
    width, height = SIZE
    start, end = _rgb(colours[0]), _rgb(colours[1])
    accent = _rgb(colours[2]) if len(colours) > 2 else (255, 255, 255)
    # A small gradient scaled up is smooth and fast to draw.
    small = Image.new("RGB", (64, 36))
    for x in range(64):
        for y in range(36):
            small.putpixel((x, y), _mix(start, end, (x / 63 + y / 35) / 2))
    image = small.resize(SIZE, Image.Resampling.BICUBIC).convert("RGBA")
    rng = random.Random(key)  # noqa: S311 - a layout, not a secret.
    shapes = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(5):
        radius = rng.randint(60, 220)
        x, y = rng.randint(0, width), rng.randint(0, height)
        fill = (*(accent if rng.random() < 0.5 else (255, 255, 255)), rng.randint(40, 90))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)
    base = rng.randint(height // 2, height * 3 // 4)
    amplitude, phase = rng.randint(20, 50), rng.random() * 6.28
    wave = [(x, base + amplitude * math.sin(x / width * 6.28 + phase)) for x in range(0, width + 1, 8)]
    draw.polygon([*wave, (width, height), (0, height)], fill=(255, 255, 255, 60))
    image = Image.alpha_composite(image, shapes.filter(ImageFilter.GaussianBlur(2))).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
