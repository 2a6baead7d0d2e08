"""Name and place resolution speed: cold start and mentions per second.

    python bench/resolution.py

Cold start is a fresh process's first answer: loading the gazetteer (countries, then the
GeoNames city table) and the record's name index. Throughput replays the gold tables of
tests/resolution (about 1,300 English and Russian mentions with dates), several times over.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "resolution"
COLD = """
import time, sys
t0 = time.perf_counter()
import diplotrack as dt
rec = dt.open(sys.argv[1])
t1 = time.perf_counter()
rec.resolve_person("Putin", "2020-01-01")
t2 = time.perf_counter()
rec.resolve_place("в Астане", "2020-01-01")
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}")
"""


def _rows(name: str) -> list[list[str]]:
    with (GOLD / name).open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    return rows[1:]


def run(rounds: int = 5) -> dict[str, Any]:
    import diplotrack as dt

    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "r.sqlite")
        dt.open(path).close()  # create the database outside the timed cold start
        cold = subprocess.run([sys.executable, "-c", COLD, path], capture_output=True,
                              text=True, check=True).stdout.split()
        rec = dt.open(path)
        people, places = _rows("people.tsv"), _rows("places.tsv")
        rec.resolve_person("Putin", "2020-01-01")
        rec.resolve_place("Astana")
        t0 = time.perf_counter()
        for _ in range(rounds):
            for mention, on, near, *_ in people:
                rec.resolve_person(mention, on or None, near or None)
        person_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(rounds):
            for mention, on, near, *_ in places:
                rec.resolve_place(mention, on or None, near or None)
        place_s = time.perf_counter() - t0
        rec.close()
    return {
        "cold_open_s": float(cold[0]),
        "cold_first_person_s": float(cold[1]),
        "cold_first_place_s": float(cold[2]),
        "people_per_s": round(rounds * len(people) / person_s),
        "places_per_s": round(rounds * len(places) / place_s),
        "mentions": {"people": len(people), "places": len(places), "rounds": rounds},
    }


def main() -> None:
    result = run()
    print(f"cold start: open {result['cold_open_s']:.2f} s, first person "
          f"{result['cold_first_person_s']:.2f} s (name index), first place "
          f"{result['cold_first_place_s']:.2f} s (city table)")
    print(f"resolve_person: {result['people_per_s']:,} mentions/s; "
          f"resolve_place: {result['places_per_s']:,} mentions/s")


if __name__ == "__main__":
    main()
