"""Generate src/diplotrack/web/static/world.json, the world map the leader page shades.

Run by hand (not in CI), from the project root, in an environment where diplotrack is
installed:

    python tools/make_world_map.py                 # fetches geopandas 0.14.4 with pip
    python tools/make_world_map.py --wheel PATH    # or reads a wheel you already have

The geometry is Natural Earth's 1:110m "Admin 0 - Countries" (public domain,
https://www.naturalearthdata.com/), as shipped inside the geopandas 0.14 wheel on PyPI
(geopandas/datasets/naturalearth_lowres). The script reads the shapefile itself (no GIS
library), fixes the ISO 3166-1 alpha-3 codes Natural Earth leaves as -99, projects the
outlines with the Equal Earth projection, leaves out Antarctica, and writes one SVG path per
country keyed by ISO3. Countries too small for that scale (Singapore, Malta, the Vatican …)
get a point at their capital, taken from the same wheel's naturalearth_cities.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

WHEEL = "geopandas==0.14.4"
DATASETS = "geopandas/datasets/"
OUT = Path("src/diplotrack/web/static/world.json")
WIDTH = 2000.0

# Natural Earth's -99 codes, by the name it gives, and its own non-ISO codes (de jure, as
# counting.md's default policy has it: Northern Cyprus is Cyprus, Somaliland is Somalia).
FIXED_CODES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}
NON_ISO = {"CYN": "CYP", "SOL": "SOM"}
LEFT_OUT = {"ATA"}  # Antarctica

Point = tuple[float, float]
Ring = list[Point]


def fetch_wheel(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(folder), "-q"],
        check=True,
    )
    return next(folder.glob("geopandas-*.whl"))


def read_dbf(wheel: zipfile.ZipFile, base: str) -> list[dict[str, str]]:
    """The records of a dBase III table, every value as stripped text (encoding from .cpg)."""
    data = wheel.read(base + ".dbf")
    encoding = wheel.read(base + ".cpg").decode("ascii").strip() or "utf-8"
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    offset = 32
    while data[offset] != 0x0D:
        name = data[offset : offset + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for i in range(count):
        start = header_len + i * record_len + 1
        row = {}
        for name, length in fields:
            row[name] = data[start : start + length].decode(encoding).strip()
            start += length
        rows.append(row)
    return rows


def read_shapes(data: bytes) -> Iterator[list[Ring] | Point]:
    """Polygons (as rings of lon/lat) or points, in record order, from a .shp file."""
    offset = 100
    while offset < len(data):
        _number, words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 1:
            yield struct.unpack("<dd", content[4:20])
        elif shape_type == 5:
            yield _polygon(content)
        else:
            raise ValueError(f"shape type {shape_type} not handled")


def _polygon(content: bytes) -> list[Ring]:
    parts, points = struct.unpack("<ii", content[36:44])
    starts = [*struct.unpack(f"<{parts}i", content[44 : 44 + 4 * parts]), points]
    base = 44 + 4 * parts
    coords = struct.unpack(f"<{2 * points}d", content[base : base + 16 * points])
    pairs = [(coords[2 * k], coords[2 * k + 1]) for k in range(points)]
    return [pairs[starts[k] : starts[k + 1]] for k in range(parts)]


def equal_earth(lon: float, lat: float) -> Point:
    """The Equal Earth projection (Šavrič, Patterson, Jenny 2018), unit sphere."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    theta = math.asin(m * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


class Frame:
    """Projected unit coordinates to the SVG canvas (y down), fitted to the shapes kept."""

    def __init__(self, rings: list[Ring]) -> None:
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        self.left, self.top = min(xs), max(ys)
        self.scale = WIDTH / (max(xs) - self.left)
        self.height = math.ceil((self.top - min(ys)) * self.scale)

    def place(self, point: Point) -> tuple[int, int]:
        return round((point[0] - self.left) * self.scale), round((self.top - point[1]) * self.scale)


def path(rings: list[Ring], frame: Frame) -> str:
    """An SVG path in relative integer moves; rings that shrink to under three points drop."""
    parts = []
    for ring in rings:
        placed = [frame.place(p) for p in ring]
        kept = [p for k, p in enumerate(placed) if k == 0 or p != placed[k - 1]]
        if len(set(kept)) < 3:
            continue
        x0, y0 = kept[0]
        moves = [f"M{x0} {y0}"]
        for (xa, ya), (xb, yb) in itertools.pairwise(kept):
            moves.append(f"{xb - xa} {yb - ya}")
        parts.append(moves[0] + "l" + " ".join(moves[1:]) + "z")
    return "".join(parts)


def main_box(rings: list[Ring], frame: Frame) -> tuple[float, list[int]]:
    """The area and canvas box of the largest ring (a country's main landmass: zooming to
    France should not take in French Guiana)."""
    ring = max(rings, key=_area)
    placed = [frame.place(p) for p in ring]
    xs, ys = [p[0] for p in placed], [p[1] for p in placed]
    return _area(ring), [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]


def _area(ring: Ring) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise([*ring, ring[0]])))


def projected(rings: list[Ring]) -> list[Ring]:
    return [[equal_earth(lon, lat) for lon, lat in ring] for ring in rings]


def countries(wheel: zipfile.ZipFile) -> list[tuple[str, str, list[Ring]]]:
    base = DATASETS + "naturalearth_lowres/naturalearth_lowres"
    rows = read_dbf(wheel, base)
    shapes = list(read_shapes(wheel.read(base + ".shp")))
    found = []
    for row, shape in zip(rows, shapes, strict=True):
        code = row["iso_a3"] if row["iso_a3"] != "-99" else FIXED_CODES.get(row["name"], "")
        code = NON_ISO.get(code, code)
        if not code:
            print(f"no ISO3 code for {row['name']!r}; left out", file=sys.stderr)
            continue
        if code in LEFT_OUT or isinstance(shape, tuple):
            continue
        found.append((code, row["name"], projected(shape)))
    return found


def capitals(wheel: zipfile.ZipFile, drawn: set[str]) -> list[tuple[str, str, Point]]:
    """A point for each country the 1:110m outlines leave out, at its capital."""
    from diplotrack.places import gazetteer

    base = DATASETS + "naturalearth_cities/naturalearth_cities"
    rows = read_dbf(wheel, base)
    points = []
    for row, shape in zip(rows, read_shapes(wheel.read(base + ".shp")), strict=True):
        cities = gazetteer().cities(row["name"])
        if not cities or not isinstance(shape, tuple):
            continue
        code = cities[0].country
        if code in drawn or code in {p[0] for p in points}:
            continue
        points.append((code, gazetteer().country_by_code(code).name, equal_earth(*shape)))
    return points


def build(wheel_path: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel_path) as wheel:
        shapes = countries(wheel)
        points = capitals(wheel, {code for code, _, _ in shapes})
    frame = Frame([ring for _, _, rings in shapes for ring in rings])
    merged: dict[str, tuple[str, str]] = {}
    boxes: dict[str, tuple[float, list[int]]] = {}
    for code, name, rings in shapes:
        before = merged.get(code, (name, ""))
        merged[code] = (before[0], before[1] + path(rings, frame))
        boxes[code] = max(boxes.get(code, (0.0, [])), main_box(rings, frame))
    return {
        "source": "Natural Earth 1:110m Admin 0 (public domain), via geopandas 0.14.4; "
        "Equal Earth projection; generated by tools/make_world_map.py",
        "width": int(WIDTH),
        "height": frame.height,
        "countries": [
            {"id": c, "name": n, "box": boxes[c][1], "d": d} for c, (n, d) in sorted(merged.items())
        ],
        "points": [
            {"id": c, "name": n, "x": frame.place(p)[0], "y": frame.place(p)[1]}
            for c, n, p in sorted(points)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a geopandas 0.14.x wheel already on disk")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        data = build(wheel)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(text.encode()) // 1024} KB")


if __name__ == "__main__":
    main()
