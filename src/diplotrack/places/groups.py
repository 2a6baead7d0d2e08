"""Groups of states with dated membership (CIS, CSTO, EU, NATO, ICC ...) and regions.

    >>> from datetime import date
    >>> from diplotrack.places.groups import groups
    >>> groups().group("ОДКБ").id
    'csto'
    >>> groups().is_member("csto", "UZB", date(2010, 1, 1))
    True
    >>> groups().members("region:south-caucasus")
    ['ARM', 'AZE', 'GEO']

A group is found by its id, name, Russian name or any alias, ignoring case, accents and
punctuation ("G-7" is "G7"); a "group:" or "region:" prefix also requires that kind. A membership
row runs from `start_date` (inclusive) to `end_date`, the first day the country is no longer a
member; blank dates are open, and a suspension is a gap between two rows. Regions have no dates.
The data and its sources are described in diplotrack/data/groups/README.md.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from diplotrack.errors import NotFound
from diplotrack.places.normalize import normalize_name

__all__ = ["KINDS", "Group", "Groups", "Membership", "groups"]

KINDS = ("group", "region")
_GROUPS_FILE = "groups.csv"
_MEMBERSHIPS_FILE = "memberships.csv"
_ALIAS_SEPARATOR = ";"
_KIND_PREFIX = re.compile(r"^\s*(group|region)\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Group:
    """A group of states (`kind` "group") or a geographic region (`kind` "region")."""

    id: str
    kind: str
    name: str
    name_ru: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Membership:
    """One stretch of a country's membership; dates are ISO 8601, `end_date` exclusive."""

    group: str
    country: str
    start_date: str | None
    end_date: str | None
    note: str | None

    def covers(self, on: datetime.date) -> bool:
        """Whether the country was a member on `on`: start <= on < end."""
        day = on.isoformat()
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or day < self.end_date)


class Groups:
    """Look groups up by name and ask who belonged to them when."""

    __slots__ = ("_by_country", "_by_group", "_groups", "_index")

    def __init__(self, groups: Sequence[Group], memberships: Sequence[Membership]) -> None:
        self._groups = {group.id: group for group in groups}
        self._index = _build_index(groups)
        self._by_group: dict[str, list[Membership]] = {group.id: [] for group in groups}
        self._by_country: dict[str, list[Membership]] = {}
        for row in memberships:
            if row.group not in self._by_group:
                raise ValueError(f"membership of unknown group {row.group!r}")
            self._by_group[row.group].append(row)
            self._by_country.setdefault(row.country, []).append(row)

    def group(self, text: str) -> Group | None:
        """The group or region named by `text`, or None."""
        kind, name = _split_kind(text)
        for key in _keys(name):
            found = self._index.get(key)
            if found is not None and (kind is None or found.kind == kind):
                return found
        return None

    def all(self) -> list[Group]:
        """Every group and region, in the order of the data file."""
        return list(self._groups.values())

    def members(self, group_id: str, on: datetime.date | None = None) -> list[str]:
        """ISO3 codes of the members on `on`, sorted; every country ever a member if None."""
        rows = self.memberships(group_id)
        return sorted({row.country for row in rows if on is None or row.covers(on)})

    def is_member(self, group_id: str, country: str, on: datetime.date) -> bool:
        """Whether `country` (ISO3) belonged to the group on `on`."""
        code = country.strip().upper()
        return any(row.country == code and row.covers(on) for row in self.memberships(group_id))

    def memberships(self, group_id: str) -> list[Membership]:
        """The membership rows of a group, in the order of the data file."""
        return list(self._by_group[self._resolve(group_id).id])

    def of_country(self, country: str, on: datetime.date | None = None) -> list[Group]:
        """The groups and regions `country` (ISO3) belonged to on `on` (ever, if None)."""
        rows = self._by_country.get(country.strip().upper(), [])
        ids = {row.group for row in rows if on is None or row.covers(on)}
        return [group for group in self._groups.values() if group.id in ids]

    def _resolve(self, group_id: str) -> Group:
        found = self._groups.get(group_id) or self.group(group_id)
        if found is None:
            raise NotFound(f"unknown group or region: {group_id!r}")
        return found


@cache
def groups() -> Groups:
    """The bundled groups and memberships, read once per process."""
    group_rows = _read_table(_GROUPS_FILE)
    membership_rows = _read_table(_MEMBERSHIPS_FILE)
    return Groups(
        [_group(row) for row in group_rows], [_membership(row) for row in membership_rows]
    )


def _keys(text: str) -> tuple[str, ...]:
    """The lookup keys of a name: its normalised form, then that form without spaces."""
    key = normalize_name(text)
    compact = key.replace(" ", "")
    return (key, compact) if compact != key else (key,)


def _split_kind(text: str) -> tuple[str | None, str]:
    match = _KIND_PREFIX.match(text)
    if match is None:
        return None, text
    return match.group(1).lower(), text[match.end() :]


def _build_index(groups: Iterable[Group]) -> Mapping[str, Group]:
    """Every key of every name of every group; a key shared by two groups is an error."""
    index: dict[str, Group] = {}
    for group in groups:
        names = (group.id, group.name, group.name_ru, *group.aliases)
        for key in {key for name in names if name for key in _keys(name) if key}:
            other = index.setdefault(key, group)
            if other is not group:
                raise ValueError(f"{key!r} names both {other.id!r} and {group.id!r}")
    return index


def _read_table(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in diplotrack/data/groups; lines starting with "#" are notes."""
    path = resources.files("diplotrack").joinpath("data", "groups", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(body))))


def _group(row: Mapping[str, str]) -> Group:
    if row["kind"] not in KINDS:
        raise ValueError(f"group {row['id']!r} has unknown kind {row['kind']!r}")
    aliases = tuple(
        alias.strip() for alias in row["aliases"].split(_ALIAS_SEPARATOR) if alias.strip()
    )
    return Group(row["id"], row["kind"], row["name"], row["name_ru"] or None, aliases)


def _membership(row: Mapping[str, str]) -> Membership:
    start, end = _date(row["start_date"]), _date(row["end_date"])
    if start is not None and end is not None and start >= end:
        raise ValueError(f"{row['group']} {row['country']}: start {start} is not before {end}")
    return Membership(row["group"], row["country"], start, end, row["note"] or None)


def _date(text: str) -> str | None:
    """An ISO date cell, checked; None when blank."""
    if not text:
        return None
    return datetime.date.fromisoformat(text).isoformat()
