"""The OpenAPI reference: every route described, /docs served with no internet."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.conftest import make_app


def _client(tmp_path: Path) -> TestClient:
    return TestClient(make_app(str(tmp_path / "r.sqlite")))


def test_docs_load_only_local_assets(tmp_path: Path) -> None:
    client = _client(tmp_path)
    page = client.get("/docs")
    assert page.status_code == 200
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text)
    for asset in re.findall(r"""(?:src|href)="(/docs/assets/[^"]+)\"""", page.text):
        assert client.get(asset).status_code == 200, asset
    assert client.get("/redoc").status_code == 404


def test_every_api_route_has_a_summary_and_writes_declare_the_token(tmp_path: Path) -> None:
    schema = _client(tmp_path).get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            assert spec.get("summary"), f"{method.upper()} {path} has no summary"
            if method in ("post", "patch", "delete") and path.startswith("/api/trips"):
                assert spec.get("security") == [{"token": []}], f"{method} {path}"


def test_the_routes_the_pages_need_are_there(tmp_path: Path) -> None:
    paths = set(_client(tmp_path).get("/openapi.json").json()["paths"])
    assert {
        "/api/search",
        "/api/leaders",
        "/api/countries",
        "/api/countries/{country}",
        "/api/groups",
        "/api/groups/{group}",
        "/api/trips/{trip_id}",
        "/api/trips/{trip_id}/history",
        "/api/export",
    } <= paths
