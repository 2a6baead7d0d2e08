"""Titles as sources write them: which are heads of state or government, and how to split
"Prime Minister Kyriakos Mitsotakis" into a title and a name."""

from __future__ import annotations

import re

from diplotrack.model import OfficeKind

# Longest first, so that "Prime Minister" wins over "Minister" and "Crown Prince" over "Prince".
_TITLE_KINDS: tuple[tuple[str, OfficeKind], ...] = (
    ("Chairman of the Council of Ministers", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Chairman of the Supreme Council", OfficeKind.HEAD_OF_STATE),
    ("General Secretary", OfficeKind.HEAD_OF_STATE),
    ("First Secretary", OfficeKind.HEAD_OF_STATE),
    ("Provisional President", OfficeKind.HEAD_OF_STATE),
    ("Interim President", OfficeKind.HEAD_OF_STATE),
    ("Acting President", OfficeKind.HEAD_OF_STATE),
    ("Acting Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Interim Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Prime Minster", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Secretary of State", OfficeKind.MINISTER),
    ("Foreign Minister", OfficeKind.MINISTER),
    ("Chancellor-elect", OfficeKind.OTHER),
    ("President-designate", OfficeKind.OTHER),
    ("President- designate", OfficeKind.OTHER),
    ("President- elect", OfficeKind.OTHER),
    ("President-elect", OfficeKind.OTHER),
    ("Vice President", OfficeKind.OTHER),
    ("Vice Premier", OfficeKind.OTHER),
    ("Crown Prince", OfficeKind.OTHER),
    ("Governor General", OfficeKind.OTHER),
    ("Grand Duchess", OfficeKind.HEAD_OF_STATE),
    ("Grand Duke", OfficeKind.HEAD_OF_STATE),
    ("Chief of State", OfficeKind.HEAD_OF_STATE),
    ("Head of State", OfficeKind.HEAD_OF_STATE),
    ("Junta Member", OfficeKind.OTHER),
    ("Chairman", OfficeKind.HEAD_OF_STATE),
    ("President", OfficeKind.HEAD_OF_STATE),
    ("Chancellor", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Taoiseach", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Premier", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Emperor", OfficeKind.HEAD_OF_STATE),
    ("Empress", OfficeKind.HEAD_OF_STATE),
    ("Sultan", OfficeKind.HEAD_OF_STATE),
    ("Regent", OfficeKind.HEAD_OF_STATE),
    ("Queen", OfficeKind.HEAD_OF_STATE),
    ("King", OfficeKind.HEAD_OF_STATE),
    ("Shah", OfficeKind.HEAD_OF_STATE),
    ("Amir", OfficeKind.HEAD_OF_STATE),
    ("Emir", OfficeKind.HEAD_OF_STATE),
    ("Pope", OfficeKind.HEAD_OF_STATE),
    ("Prince", OfficeKind.HEAD_OF_STATE),
    ("Brigadier General", OfficeKind.HEAD_OF_STATE),
    ("Lieutenant General", OfficeKind.HEAD_OF_STATE),
    ("General", OfficeKind.HEAD_OF_STATE),
)
_CANONICAL = {
    "Prime Minster": "Prime Minister",
    "President- elect": "President-elect",
    "President- designate": "President-designate",
}
_SPLIT = re.compile(r"\s*(?:,\s+(?=[A-Z][a-z]+ [A-Z])|\s+and\s+|\s*&\s*)(?=[A-Z])")
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|\d+(?:st|nd|rd|th))$")


_LONG_FORMS = (
    ("Chairman of the Government", "Prime Minister"),
    ("President of the Government", "Prime Minister"),
    ("President of the Council of Ministers", "Prime Minister"),
    ("Federal President", "President"),
    ("Federal Chancellor", "Chancellor"),
)


def base_title(label: str) -> str:
    """The title of a long office name: "President of Russia" -> "President",
    "Chairman of the Government of the Russian Federation" -> "Prime Minister"."""
    value = " ".join(label.split())
    folded = value.casefold()
    for prefix, title in _LONG_FORMS:
        if folded.startswith(prefix.casefold()):
            return title
    for known, _kind in _TITLE_KINDS:
        if folded == known.casefold() or folded.startswith(known.casefold() + " of "):
            return _CANONICAL.get(known, known)
    return value


def kind_of_title(title: str) -> OfficeKind:
    """The kind of office a stated title names; ``other`` for titles that are not offices."""
    folded = title.strip().casefold()
    for known, kind in _TITLE_KINDS:
        if folded == known.casefold():
            return kind
    for known, kind in _TITLE_KINDS:
        if folded.startswith(known.casefold()):
            return kind
    return OfficeKind.OTHER


def split_title(text: str) -> tuple[str | None, str]:
    """``"Prime Minister Kyriakos Mitsotakis"`` -> ``("Prime Minister", "Kyriakos Mitsotakis")``."""
    value = " ".join(text.split())
    for known, _kind in _TITLE_KINDS:
        if value.casefold().startswith(known.casefold() + " "):
            name = value[len(known) :].strip()
            return _CANONICAL.get(known, known), name
    return None, value


def is_bare_title(text: str) -> bool:
    """A title with no name after it: "Premier" in "Premier and Prince Sihanouk"."""
    title, rest = split_title(text + " x")
    return title is not None and rest == "x"


def split_people(text: str) -> list[str]:
    """A visitor field naming several people, e.g. "President X and Prime Minister Y"."""
    value = _SUFFIX.sub("", " ".join(text.split()))
    parts = [p.strip() for p in _SPLIT.split(value) if p.strip()]
    return parts or [value]
