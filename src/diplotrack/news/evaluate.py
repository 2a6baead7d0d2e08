"""Scoring extraction on a labelled corpus (JSONL, one text a line, with its ``gold`` trips).

A predicted trip matches a gold one when the visitor, the host country and the status agree
and the start dates agree at the coarser of the two precisions (an empty date is not scored).
The loose score asks only for visitor and host. Each gold and predicted trip is matched at
most once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from diplotrack.errors import InputError
from diplotrack.news.article import article
from diplotrack.news.result import ExtractedTrip, dates_agree
from diplotrack.places.normalize import normalize_name

if TYPE_CHECKING:
    from diplotrack.record import Record

REQUIRED = ("id", "published", "text", "gold")
GOLD_FIELDS = ("visitor", "host_country", "status")


@dataclass(frozen=True, slots=True)
class Text:
    id: str
    language: str
    published: str
    text: str
    url: str | None
    gold: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Language:
    texts: int = 0
    negatives: int = 0
    negatives_with_trips: list[str] = field(default_factory=list)
    strict: Score = field(default_factory=Score)
    loose: Score = field(default_factory=Score)

    def to_dict(self) -> dict[str, Any]:
        return {
            "texts": self.texts,
            "negatives": self.negatives,
            "negatives_with_trips": self.negatives_with_trips,
            "strict": self.strict.to_dict(),
            "loose": self.loose.to_dict(),
        }


@dataclass(slots=True)
class Report:
    languages: dict[str, Language] = field(default_factory=lambda: defaultdict(Language))
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "languages": {k: v.to_dict() for k, v in sorted(self.languages.items())},
            "misses": self.misses,
        }


def read_corpus(paths: Iterable[Path]) -> list[Text]:
    """Every text of the corpus files, checked: an error names the file, line and field."""
    texts: list[Text] = []
    for path in paths:
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read: {exc}") from exc
        for number, line in enumerate(lines, start=1):
            if line.strip():
                texts.append(_text(path, number, line))
    return texts


def _text(path: Path, number: int, line: str) -> Text:
    where = f"{path}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON: {exc.msg}") from exc
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected an object")
    for key in REQUIRED:
        if key not in row:
            raise InputError(f"{where}: field {key!r} is missing")
    if not isinstance(row["gold"], list):
        raise InputError(f"{where}: field 'gold' must be a list")
    for k, gold in enumerate(row["gold"]):
        missing = [f for f in GOLD_FIELDS if not isinstance(gold, dict) or not gold.get(f)]
        if missing:
            raise InputError(f"{where}: gold[{k}]: field {missing[0]!r} is missing")
    return Text(
        str(row["id"]),
        str(row.get("language") or "auto"),
        str(row["published"]),
        str(row["text"]),
        row.get("url"),
        tuple(row["gold"]),
    )


def evaluate(
    record: Record,
    texts: list[Text],
    extract: Callable[[Text], list[ExtractedTrip]] | None = None,
    progress: Callable[[], None] | None = None,
) -> Report:
    """Score extraction on ``texts``."""
    run = extract or (lambda t: record.extract(t.text, t.published, t.language))
    report = Report()
    for text in texts:
        predicted = run(text)
        _score(record, text, predicted, report)
        if progress is not None:
            progress()
    return report


def _score(record: Record, text: Text, predicted: list[ExtractedTrip], report: Report) -> None:
    lang = text.language if text.language != "auto" else article(text.text).language
    stats = report.languages[lang]
    stats.texts += 1
    if not text.gold:
        stats.negatives += 1
        if predicted:
            stats.negatives_with_trips.append(text.id)
    golds = [_gold(record, g, text.published) for g in text.gold]
    for strict, score in ((True, stats.strict), (False, stats.loose)):
        matched, extra, missed = _match(golds, predicted, strict)
        score.tp += matched
        score.fp += len(extra)
        score.fn += len(missed)
        if strict:
            report.misses.extend(_misses(text, extra, missed))


@dataclass(frozen=True, slots=True)
class _Gold:
    leader_id: str | None
    name: str
    host: str
    status: str
    start: str | None
    raw: dict[str, Any]


def _gold(record: Record, gold: dict[str, Any], published: str) -> _Gold:
    on = gold.get("start_date") or published
    found = record.resolve_person(str(gold["visitor"]), on)
    return _Gold(
        found.leader_id,
        str(gold["visitor"]),
        str(gold["host_country"]).upper(),
        str(gold["status"]),
        gold.get("start_date"),
        gold,
    )


_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"
_CYRILLIC = {
    c: ("" if t == "-" else t)
    for c, t in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN.split(), strict=True)
}


def latin(text: str) -> str:
    """A plain Latin spelling of a Russian name, for comparing it with an English one."""
    return "".join(_CYRILLIC.get(c, c) for c in text)


def same_surname(a: str, b: str) -> bool:
    """Two spellings of one leader outside the registry: the surnames, in Latin letters,
    close enough ("Вучич" and "Vučić", "Orbán" and "Orban")."""
    last_a = latin(normalize_name(a)).split()[-1:] or [""]
    last_b = latin(normalize_name(b)).split()[-1:] or [""]
    return fuzz.ratio(last_a[0], last_b[0]) >= 75


def _agrees(gold: _Gold, trip: ExtractedTrip, strict: bool) -> bool:
    if gold.leader_id is not None:
        same = trip.leader_id == gold.leader_id
    else:
        same = trip.leader_id is None and same_surname(trip.name or trip.written, gold.name)
    if not same or trip.host_country != gold.host:
        return False
    if not strict:
        return True
    return trip.status == gold.status and dates_agree(trip.start_date, gold.start)


def _match(
    golds: list[_Gold], predicted: list[ExtractedTrip], strict: bool
) -> tuple[int, list[ExtractedTrip], list[_Gold]]:
    free = list(predicted)
    missed: list[_Gold] = []
    matched = 0
    for gold in golds:
        hit = next((t for t in free if _agrees(gold, t, strict)), None)
        if hit is None:
            missed.append(gold)
        else:
            free.remove(hit)
            matched += 1
    return matched, free, missed


def _misses(text: Text, extra: list[ExtractedTrip], missed: list[_Gold]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for gold in missed:
        found.append({"id": text.id, "kind": "missed", "gold": gold.raw})
    for trip in extra:
        found.append({"id": text.id, "kind": "extra", "predicted": _brief(trip)})
    return found


def _brief(trip: ExtractedTrip) -> dict[str, Any]:
    return {
        "visitor": trip.name or trip.written,
        "host_country": trip.host_country,
        "start_date": trip.start_date,
        "status": trip.status,
        "sentence": trip.evidence[0].text if trip.evidence else None,
        "rule": trip.evidence[0].rule if trip.evidence else None,
    }
