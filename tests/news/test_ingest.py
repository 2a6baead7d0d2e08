"""Ingest: files, folders, JSONL and RSS/Atom feeds (served by a local HTTP server); what
was read before is skipped; any number of workers gives the same queue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import diplotrack as dt
from diplotrack.cli import app
from tests.news.articles import MODI_KAZAN, MODI_MOSCOW, PHONE_CALL, TOKAYEV_HOSTS, write_jsonl
from tests.news.conftest import Site

HTML = """<!doctype html><html><head><title>{title}</title></head><body>
<nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{text}</p></article>
<footer>All rights reserved.</footer></body></html>"""


def _rss(items: list[dict[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{i['link']}</link>"
        f"<pubDate>{i['date']}</pubDate><description>{i.get('summary', '')}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>World news</title>{entries}</channel></rss>"
    )


def _atom(entries: list[dict[str, str]]) -> str:
    body = "".join(
        f'<entry><title>{e["title"]}</title><link rel="alternate" href="{e["link"]}"/>'
        f'<published>{e["date"]}</published><content type="text">{e["text"]}</content></entry>'
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Лента</title>{body}</feed>"
    )


def test_files_and_folders_are_read_recursively(rec: dt.Record, tmp_path: Path) -> None:
    root = tmp_path / "articles"
    (root / "july" / "08").mkdir(parents=True)
    (root / "july" / "08" / "arrival.txt").write_text(MODI_MOSCOW[0]["text"], "utf-8")
    page = HTML.format(title="Моди в Москве", text=MODI_MOSCOW[2]["text"])
    (root / "july" / "ru.html").write_text(page, "utf-8")
    (root / "july" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00binary")
    (root / ".cache").mkdir()
    (root / ".cache" / "old.txt").write_text(MODI_KAZAN["text"], "utf-8")
    summary = rec.ingest([str(root)], workers=1, published_default="2024-07-08")
    assert (summary.inputs, summary.read, summary.errors) == (2, 2, [])
    (found,) = rec.review_list().items
    assert len(found.evidence) == 2 and found.start_date == "2024-07-08"


def test_jsonl_problems_name_file_line_and_field(rec: dt.Record, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(MODI_MOSCOW[0]),
        "{not json",
        json.dumps({"url": "http://news.test/x", "published": "yesterday", "text": "Hello."}),
        json.dumps({"url": "http://news.test/y", "text": 42}),
        json.dumps({"url": "http://news.test/z"}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    summary = rec.ingest([str(path)], workers=1)
    assert summary.read == 1
    where = [e.split(": ")[0] for e in summary.errors]
    assert where == [
        f"{path}:2",
        f"{path}:3:published",
        f"{path}:4:text",
        f"{path}:5:text",
        f"{path}:6",
    ]


def test_read_again_is_skipped_by_url_and_by_text(rec: dt.Record, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [MODI_MOSCOW[0], PHONE_CALL])
    assert rec.ingest([str(first)], workers=1).read == 2
    same_url = dict(MODI_MOSCOW[0], text=MODI_MOSCOW[0]["text"] + " Updated at 18:00.")
    same_text = dict(PHONE_CALL, url="http://mirror.test/phone-call")
    again = write_jsonl(tmp_path / "b.jsonl", [same_url, same_text, MODI_KAZAN])
    summary = rec.ingest([str(again)], workers=1)
    assert (summary.read, summary.seen) == (1, 2)
    assert rec.ingest([str(first), str(again)], workers=1).read == 0
    assert len(rec.review_list().items[-1].evidence) == 1  # no evidence counted twice


def test_rss_feed_by_url_fetches_each_page(rec: dt.Record, site: Site) -> None:
    links = []
    for n, art in enumerate(MODI_MOSCOW[:2]):
        links.append(site.put(f"world/{n}.html", HTML.format(title=art["title"], text=art["text"])))
    feed = _rss(
        [
            {"title": "Modi", "link": links[0], "date": "Mon, 08 Jul 2024 09:00:00 +0000"},
            {"title": "Kremlin", "link": links[1], "date": "Tue, 09 Jul 2024 12:30:00 +0000"},
            {
                "title": "Gone",
                "link": f"{site.base}/missing.html",
                "date": "Tue, 09 Jul 2024 13:00:00 +0000",
                "summary": "Narendra Modi arrived in Moscow on Monday for talks with Putin.",
            },
        ]
    )
    summary = rec.ingest([site.put("rss.xml", feed)], workers=1)
    assert (summary.inputs, summary.read, summary.errors) == (3, 3, [])
    (found,) = rec.review_list().items
    assert {e.url for e in found.evidence} == {*links, f"{site.base}/missing.html"}
    assert {e.published for e in found.evidence} == {"2024-07-08", "2024-07-09"}


def test_atom_feed_file_uses_entry_content(rec: dt.Record, tmp_path: Path) -> None:
    feed = _atom(
        [
            {
                "title": "Моди",
                "link": MODI_MOSCOW[2]["url"],
                "date": "2024-07-08T10:00:00+03:00",
                "text": MODI_MOSCOW[2]["text"],
            },
            {
                "title": "Переговоры",
                "link": MODI_MOSCOW[3]["url"],
                "date": "2024-07-09T08:00:00Z",
                "text": MODI_MOSCOW[3]["text"],
            },
        ]
    )
    path = tmp_path / "lenta.atom"
    path.write_text(feed, encoding="utf-8")
    summary = rec.ingest([str(path)], workers=1, fetch=False)
    assert summary.read == 2 and summary.candidates_new == 1
    (found,) = rec.review_list().items
    assert found.host_country == "RUS" and {e.rule[:2] for e in found.evidence} == {"ru"}


def test_unreachable_and_broken_feeds_are_one_line_errors(rec: dt.Record, site: Site) -> None:
    broken = site.put("broken.rss", "<?xml version='1.0'?><rss><channel><item><title>x")
    missing = f"{site.base}/nothing.xml"
    summary = rec.ingest([broken, missing], workers=1)
    assert summary.read == 0 and len(summary.errors) == 2
    assert "not a readable RSS or Atom feed" in summary.errors[0]
    assert summary.errors[1] == f"{missing}: HTTP 404 File not found"


def _queue_of(rec: dt.Record) -> list[dict[str, Any]]:
    items = rec.review_list(None, limit=500).items
    keep = ("id", "visitor", "host_country", "cities", "start_date", "end_date", "status")
    found = [
        {k: v for k, v in c.to_dict().items() if k in (*keep, "conflicts", "evidence", "version")}
        for c in items
    ]
    return sorted(found, key=lambda c: c["id"])


def test_two_workers_give_the_same_queue_as_one(db_url: str, tmp_path: Path) -> None:
    records = [*MODI_MOSCOW, MODI_KAZAN, PHONE_CALL, TOKAYEV_HOSTS] * 1
    path = write_jsonl(tmp_path / "news.jsonl", records)
    other = str(tmp_path / "other.sqlite")
    with dt.open(db_url, user="tester") as one, dt.open(other, user="tester") as two:
        first = one.ingest([str(path)], workers=1, batch=3)
        second = two.ingest([str(path)], workers=2, batch=3)
        assert second.workers == 2
        assert first.as_dict() | {"seconds": 0, "workers": 0} == second.as_dict() | {
            "seconds": 0,
            "workers": 0,
        }
        assert _queue_of(one) == _queue_of(two)


def test_cli_ingest_and_review(db_url: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", MODI_MOSCOW[:2])
    runner = CliRunner()
    done = runner.invoke(app, ["--db", db_url, "ingest", str(path), "--workers", "1", "-f", "json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["candidates_new"] == 1
    listed = runner.invoke(app, ["--db", db_url, "review", "list", "-f", "json"])
    (item,) = json.loads(listed.stdout)["items"]
    edit = ["review", "edit", item["id"], "kind=official", "--why", "MEA", "--version", "1"]
    stale = runner.invoke(app, ["--db", db_url, *edit])
    assert stale.exit_code == 1 and "version" in stale.stderr
    edit[-1] = str(item["version"])
    assert runner.invoke(app, ["--db", db_url, *edit]).exit_code == 0
    accepted = runner.invoke(app, ["--db", db_url, "review", "accept", item["id"], "--why", "ok"])
    assert accepted.exit_code == 0 and "entered trip t-" in accepted.stdout
    shown = runner.invoke(app, ["--db", db_url, "review", "show", item["id"]])
    assert "accept" in shown.stdout and "edit" in shown.stdout


def test_cli_ingest_reports_unreadable_inputs_and_exits_1(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "u", "text": ""}\n', encoding="utf-8")
    done = CliRunner().invoke(app, ["--db", db_url, "ingest", str(bad), str(tmp_path / "nope")])
    assert done.exit_code == 1
    assert f"{bad}:1:text: empty" in done.stderr and "no such file or folder" in done.stderr
