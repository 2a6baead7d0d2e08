"""Bad input to ingest: each gets a one-line message or an empty result, never a crash or
a hang."""

from __future__ import annotations

import random
import time
from pathlib import Path

import diplotrack as dt
from tests.news.articles import write_jsonl


def test_an_empty_file_is_a_note(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("   \n\n", encoding="utf-8")
    summary = rec.ingest([str(path)], workers=1)
    assert (summary.read, summary.empty, summary.errors) == (0, 1, [])
    assert summary.notes == [f"{path}: no text"]


def test_binary_garbage_is_refused_in_one_line(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(random.Random(7).randbytes(200_000))
    summary = rec.ingest([str(path)], workers=1)
    assert summary.read == 0
    (error,) = summary.errors
    assert error.startswith(f"{path}: ") and "binary" in error and "\n" not in error


def test_a_50_mb_article_is_refused_quickly(rec: dt.Record, tmp_path: Path) -> None:
    sentence = "Narendra Modi arrived in Moscow on Monday for talks with Vladimir Putin. "
    text = sentence * (50 * 1024 * 1024 // len(sentence) + 1)
    path = write_jsonl(tmp_path / "huge.jsonl", [{"url": "http://news.test/huge", "text": text}])
    began = time.perf_counter()
    summary = rec.ingest([str(path)], workers=1)
    assert time.perf_counter() - began < 30
    (error,) = summary.errors
    assert "50.0 MB, larger than the 8 MB an article may be (--max-mb)" in error
    assert summary.read == 0 and rec.review_list().total == 0


def test_broken_html_is_read_for_what_it_says(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>Indian Prime Minister Narendra Modi <b>arrived in Moscow</b> on "
        "Monday for talks with Vladimir Putin.<p>Unclosed <div><span>stray <<markup & </table>",
        encoding="utf-8",
    )
    summary = rec.ingest([str(path)], workers=1, published_default="2024-07-08")
    assert summary.errors == [] and summary.read == 1
    assert [c.host_country for c in rec.review_list().items] == ["RUS"]


def test_mixed_scripts_are_read_sentence_by_sentence(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday. "
        "Премьер-министр Индии Нарендра Моди прибыл в Москву в понедельник. "
        "印度总理莫迪周一抵达莫斯科。 ﷽ 🇮🇳🇷🇺 Ζ\u200bω\u202eή",
        encoding="utf-8",
    )
    summary = rec.ingest([str(path)], workers=1, published_default="2024-07-08")
    assert summary.errors == []
    (found,) = rec.review_list().items
    # The article's language is the majority script's, so only the Russian sentence is
    # read for now (docs/news.md, known limits).
    assert found.host_country == "RUS" and len(found.evidence) >= 1


def test_text_in_windows_1251_is_decoded(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Нарендра Моди прибыл в Москву 8 июля с официальным визитом.".encode("cp1251"))
    summary = rec.ingest([str(path)], workers=1, published_default="2024-07-08")
    assert summary.errors == [] and rec.review_list().total == 1
