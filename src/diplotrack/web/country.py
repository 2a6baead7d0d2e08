"""The country and pair pages' content: who came, from where, per year; visits each way."""

from __future__ import annotations

from typing import Any

from diplotrack.errors import NotFound
from diplotrack.places.groups import Group, groups
from diplotrack.record import Record
from diplotrack.web.leader import country_name

Json = dict[str, Any]
ORIGINS_SHOWN = 6  # stacked in the chart; the rest are "other countries"
ORIGINS_TABULATED = 10  # columns of the per-year table; the rest add up in "Other"
LEADERS_SHOWN = 200  # rows of "who came" unless all are asked for


def country_context(
    rec: Record,
    text: str,
    since: str | None,
    until: str | None,
    group: str | None,
    everyone: bool = False,
) -> Json:
    """Visitors to the country named by ``text``, optionally only those from ``group``."""
    country = rec.country(text)
    chosen = _group(group) if group else None
    result = rec.visitors(
        country.iso3,
        since=since,
        until=until,
        from_group=f"{chosen.kind}:{chosen.id}" if chosen else None,
    ).to_dict(explain=True)
    rows = result["rows"]
    years, origins = per_year(rows)
    return {
        "country": {"code": country.iso3, "name": country.name, "name_ru": country.name_ru},
        "since": since,
        "until": until,
        "group": chosen,
        "groups": [g for g in groups().all() if g.kind == "group"],
        "regions": [g for g in groups().all() if g.kind == "region"],
        "rows": rows if everyone else rows[:LEADERS_SHOWN],
        "leaders": len(rows),
        "visits": sum(r["visits"] for r in rows),
        "origins": origins,
        "columns": origins[:ORIGINS_TABULATED],
        "others": len(origins) > ORIGINS_TABULATED,
        "years": years,
        "uncertain": result["uncertain"],
        "chart_data": {
            "series": [o["code"] for o in _shown(origins)],
            "years": _chart_years(years),
        },
        "names": {o["code"]: o["name"] for o in origins},
    }


def _group(text: str) -> Group:
    found = groups().group(text)
    if found is None:
        raise NotFound(f"no group {text!r}")
    return found


def per_year(rows: list[Json]) -> tuple[list[Json], list[Json]]:
    """Visits per year by the visitor's country, and the countries by total visits."""
    table: dict[int, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for row in rows:
        home = row["leader_country"] or "?"
        for trip in row["trips"]:
            year = int(trip["start_date"][:4])
            cell = table.setdefault(year, {})
            cell[home] = cell.get(home, 0) + 1
            totals[home] = totals.get(home, 0) + 1
    origins = [
        {"code": code, "name": country_name(code), "visits": count}
        for code, count in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    tabulated = {o["code"] for o in origins[:ORIGINS_TABULATED]}
    years = [
        {
            "year": year,
            "counts": table[year],
            "other": sum(n for code, n in table[year].items() if code not in tabulated),
            "total": sum(table[year].values()),
        }
        for year in sorted(table)
    ]
    return years, origins


def _shown(origins: list[Json]) -> list[Json]:
    return origins[:ORIGINS_SHOWN]


def _chart_years(years: list[Json]) -> list[Json]:
    return [{"year": y["year"], "counts": y["counts"]} for y in years]


def pair_context(rec: Record, a: str, b: str, since: str | None, until: str | None) -> Json:
    """Visits each way between two countries' leaders, per year, with the trips behind."""
    first, second = rec.country(a), rec.country(b)
    result = rec.pair(first.iso3, second.iso3, since=since, until=until).to_dict(explain=True)
    for row in result["rows"]:
        row["a_trips"] = [t for t in row["trips"] if t["country"] == second.iso3]
        row["b_trips"] = [t for t in row["trips"] if t["country"] == first.iso3]
    names = {first.iso3: first.name, second.iso3: second.name}
    return {
        "a": {"code": first.iso3, "name": first.name},
        "b": {"code": second.iso3, "name": second.name},
        "since": since,
        "until": until,
        "result": result,
        "names": names,
        "leaders": _leader_names(rec, result["rows"]),
        "chart_data": [
            {"year": r["year"], "a_to_b": r["a_to_b"], "b_to_a": r["b_to_a"]}
            for r in result["rows"]
        ],
    }


def _leader_names(rec: Record, rows: list[Json]) -> dict[str, str]:
    display = rec.names().index.display
    ids = {t["leader_id"] for row in rows for t in row["trips"]}
    return {i: display.get(i, i) for i in ids}
