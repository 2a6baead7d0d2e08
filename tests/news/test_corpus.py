"""The labelled news corpus (corpus/news/): its shape, the eval command, and floors on the
development scores so that a change to the rules cannot quietly make extraction worse. The
held-out files are only checked for shape here; their scores are in the closing note."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import diplotrack as dt
from diplotrack.cli import app
from diplotrack.errors import InputError
from diplotrack.news.evaluate import Report, evaluate, read_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "news"
# each held out once, read since
STAGES = ("dev", *(f"dev{k}" for k in range(2, 13)))
DEV = [CORPUS / f"{name}-{lang}.jsonl" for name in STAGES for lang in ("en", "ru")]
HELD_OUT = [
    CORPUS / f"{name}-{lang}.jsonl"
    for name in ("heldout10", "heldout11", "heldout12", "heldout13", "heldout14")
    for lang in ("en", "ru")
]
# Strict F1 on the development texts when these floors were set, less a small margin.
FLOORS = {"en": 0.74, "ru": 0.79}
# dev4 … dev12 were read after their blind scoring; some of their negatives still yield a
# trip (the closing notes of issue 4 list why). This many, and no more:
LEAKS_LATER = 33


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dt.Record]:
    rec = dt.open(str(tmp_path_factory.mktemp("corpus") / "record.sqlite"))
    yield rec
    rec.close()


@pytest.fixture(scope="module")
def dev_report(record: dt.Record) -> Report:
    return evaluate(record, read_corpus(DEV))


def test_the_corpus_has_the_size_and_mix_the_issue_asks_for() -> None:
    dev, held = read_corpus(DEV), read_corpus(HELD_OUT)
    everything = dev + held
    assert len(everything) >= 400
    assert len(held) >= len(everything) / 4
    assert {t.language for t in everything} == {"en", "ru"}
    negatives = [t for t in everything if not t.gold]
    assert len(negatives) >= 0.2 * len(everything)
    assert len({t.id for t in everything}) == len(everything)
    assert all(len(t.text.split()) >= 40 for t in everything)  # paragraphs, not sentences


def test_development_scores_stay_above_their_floors(dev_report: Report) -> None:
    for lang, floor in FLOORS.items():
        stats = dev_report.languages[lang]
        assert stats.strict.f1 >= floor, (lang, stats.to_dict())
        assert stats.loose.f1 >= stats.strict.f1


def test_no_negative_text_yields_a_trip(dev_report: Report) -> None:
    leaks = [
        text_id
        for lang in ("en", "ru")
        for text_id in dev_report.languages[lang].negatives_with_trips
    ]
    later = (
        "en-h3-",
        "ru-h3-",
        "en-h4-",
        "ru-h4-",
        "en-h5",
        "ru-h5",
        "en-h6",
        "ru-h6",
        "en-h7",
        "ru-h7",
    )
    assert [t for t in leaks if not t.startswith(later)] == []
    assert len(leaks) <= LEAKS_LATER, leaks


def test_misses_name_the_text(dev_report: Report) -> None:
    kinds = {m["kind"] for m in dev_report.misses}
    assert kinds <= {"missed", "extra"}
    prefixes = ("en-dev-", "ru-dev-", "en-ho-", "ru-ho-", "en-h2-", "ru-h2-", "en-h3-", "ru-h3-")
    prefixes += ("en-h4-", "ru-h4-", "en-h5", "ru-h5", "en-h6", "ru-h6", "en-h7", "ru-h7")
    assert all(m["id"].startswith(prefixes) for m in dev_report.misses)


def test_a_bad_corpus_line_names_file_line_and_field(tmp_path: Path) -> None:
    good = {"id": "a", "published": "2024-01-01", "text": "x", "gold": []}
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(good) + "\n" + json.dumps({**good, "gold": [{"visitor": "X"}]}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.jsonl:2: gold\[0\]: field 'host_country'"):
        read_corpus([path])
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1: not JSON"):
        read_corpus([path])


def test_the_eval_command_prints_scores_per_language(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.jsonl"
    rows = [
        {
            "id": "t1",
            "published": "2024-11-27",
            "language": "en",
            "text": "Vladimir Putin arrived in Astana on Wednesday for a state visit.",
            "gold": [
                {
                    "visitor": "Vladimir Putin",
                    "host_country": "KAZ",
                    "start_date": "2024-11-27",
                    "status": "occurred",
                }
            ],
        },
        {
            "id": "t2",
            "published": "2024-11-27",
            "language": "ru",
            "text": "Путин и Токаев провели телефонный разговор.",
            "gold": [],
        },
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    db = str(tmp_path / "eval.sqlite")
    result = CliRunner().invoke(app, ["--db", db, "eval", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["languages"]["en"]["strict"]["f1"] == 1.0
    assert data["languages"]["ru"]["negatives"] == 1
    assert data["languages"]["ru"]["negatives_with_trips"] == []
