"""Draw Erfa's favicon fallbacks (favicon.ico, apple-touch-icon.png) from the same shapes as erfa-mark.svg.

Browsers that take SVG icons use portal/static/portal/erfa-mark.svg; these PNG-based files serve the rest.
Run `.venv/bin/python scripts/make_favicon.py` after changing the mark; the results are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parent.parent / "portal" / "static" / "portal"
ORANGE, TEAL, WHITE = "#f59e4c", "#0b5563", "#ffffff"


def draw_mark(size):
    """The mark on a 40-unit grid, drawn 8 times larger and scaled down for smooth edges."""
    scale = size * 8 / 40
    image = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def box(x0, y0, x1, y1):
        return [round(x0 * scale), round(y0 * scale), round(x1 * scale), round(y1 * scale)]

    def points(*xy):
        return [(x * scale, y * scale) for x, y in xy]

    # The back bubble, with its tail down to the left.
    draw.rounded_rectangle(box(2, 3, 30, 25), radius=8 * scale, fill=ORANGE)
    draw.polygon(points((7, 20), (7, 31), (15, 24)), fill=ORANGE)
    # The front bubble, cut out of the back one by a white gap, with its tail down to the right.
    draw.rounded_rectangle(box(8.75, 10.75, 39.25, 35.25), radius=9.25 * scale, fill=WHITE)
    draw.polygon(points((30, 33), (34.25, 40.5), (34.25, 31)), fill=WHITE)
    draw.rounded_rectangle(box(10, 12, 38, 34), radius=8 * scale, fill=TEAL)
    draw.polygon(points((28, 33), (33, 39), (33, 31)), fill=TEAL)
    for x in (19.5, 24, 28.5):
        draw.ellipse(box(x - 1.9, 23 - 1.9, x + 1.9, 23 + 1.9), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    draw_mark(256).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    touch = Image.new("RGBA", (180, 180), WHITE)
    touch.alpha_composite(draw_mark(150), (15, 15))
    touch.convert("RGB").save(STATIC / "apple-touch-icon.png")


if __name__ == "__main__":
    main()
