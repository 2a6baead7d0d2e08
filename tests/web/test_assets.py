"""Everything the pages load comes from this server: no CDN, no web fonts, no external URL.
And the pages carry the structure a keyboard and a screen reader need."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources

import pytest
from fastapi.testclient import TestClient

PAGES = [
    "/",
    "/?q=Putin",
    "/leader/vladimir-putin",
    "/leader/vladimir-putin?at=2022-02-24",
    "/country/KAZ",
    "/pair",
    "/pair/RUS/KAZ",
    "/check",
    "/review",
    "/trip/demo-putin-2024-11",
    "/leader/nobody-at-all",
]
LOADING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
}
# Namespace names are identifiers, never fetched.
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml")
EXTERNAL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
STATIC = resources.files("diplotrack.web").joinpath("static")


class Page(HTMLParser):
    """What a page loads, and its landmarks, labels and controls."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        self.loads += [found[a] or "" for a in LOADING.get(tag, ()) if found.get(a)]
        if found.get("style"):
            self.styles.append(found["style"] or "")
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def ids(self) -> set[str]:
        return {a["id"] or "" for _, a in self.tags if a.get("id")}


def parsed(client: TestClient, url: str) -> Page:
    parser = Page()
    parser.feed(client.get(url).text)
    return parser


def static_files() -> list[str]:
    found = []
    for entry in STATIC.iterdir():
        if entry.is_dir():
            found += [f"{entry.name}/{f.name}" for f in entry.iterdir() if f.is_file()]
        elif entry.is_file():
            found.append(entry.name)
    return sorted(found)


def external(text: str) -> list[str]:
    for name in NAMESPACES:
        text = text.replace(name, "")
    return EXTERNAL.findall(text)


@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_another_host(client: TestClient, url: str) -> None:
    page = parsed(client, url)
    assert page.loads, "every page loads its stylesheet and scripts"
    for target in page.loads:
        assert not EXTERNAL.match(target), f"{url} loads {target}"
        assert not target.startswith("//"), f"{url} loads {target}"
    assert not [s for s in page.styles if external(s)]


@pytest.mark.parametrize("url", PAGES)
def test_what_pages_load_is_served_here(client: TestClient, url: str) -> None:
    for target in parsed(client, url).loads:
        if target.startswith("/static/"):
            assert client.get(target).status_code == 200, target


@pytest.mark.parametrize("name", static_files())
def test_static_files_name_no_other_host(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert external(response.text) == [], name


def test_scripts_import_only_local_modules() -> None:
    for name in static_files():
        if name.endswith(".js"):
            text = STATIC.joinpath(name).read_text("utf-8")
            imports = re.findall(r'^import .* from "([^"]+)";', text, re.MULTILINE)
            assert all(i.startswith("./") for i in imports), name


def test_the_map_geometry_is_small_and_keyed_by_iso3() -> None:
    data = STATIC.joinpath("world.json").read_bytes()
    assert len(data) < 300_000
    text = data.decode()
    for code in ("FRA", "NOR", "XKX", "KAZ", "RUS", "SGP", "VAT"):
        assert f'"id":"{code}"' in text, code
    assert '"-99"' not in text


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_landmarks_a_language_and_a_skip_link(client: TestClient, url: str) -> None:
    page = parsed(client, url)
    tags = [t for t, _ in page.tags]
    assert {"header", "nav", "main", "footer", "h1"} <= set(tags)
    html = dict(page.tags)["html"]
    assert html.get("lang") == "en"
    assert any(t == "a" and a.get("href") == "#main" for t, a in page.tags)


@pytest.mark.parametrize("url", PAGES)
def test_every_control_has_a_label(client: TestClient, url: str) -> None:
    page = parsed(client, url)
    labelled = {a.get("for") for t, a in page.tags if t == "label"}
    for tag, attrs in page.tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "radio"):
            assert attrs.get("id") in labelled or attrs.get("aria-label"), (url, attrs)


@pytest.mark.parametrize("url", PAGES)
def test_tables_have_captions_and_downloads(client: TestClient, url: str) -> None:
    text = client.get(url).text
    for table_id in re.findall(r'<table id="([\w-]+)"', text):
        table = text[text.index(f'<table id="{table_id}"') :]
        assert table.split(">", 2)[1].lstrip().startswith("<caption"), table_id
        assert f'data-csv="{table_id}"' in text, f"{url}: table {table_id} has no CSV button"


@pytest.mark.parametrize("url", PAGES)
def test_charts_offer_svg_and_png(client: TestClient, url: str) -> None:
    text = client.get(url).text
    for chart in re.findall(r'<div class="canvas" id="([\w-]+)" data-chart>', text):
        assert f'data-svg="{chart}"' in text and f'data-png="{chart}"' in text
