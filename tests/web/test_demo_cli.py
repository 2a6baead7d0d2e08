"""``diplotrack demo`` loads the sample into a new SQLite file and serves the app on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from diplotrack.cli import app
from diplotrack.record import Record


def test_demo_serves_the_sample_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **kw: served.update(app=asgi, **kw))
    db = tmp_path / "sample.sqlite"
    result = CliRunner().invoke(app, ["demo", "--no-open", "--port", "8123", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert served["port"] == 8123 and served["host"] == "127.0.0.1"
    with Record(str(db)) as rec:
        assert rec.top("Putin").to_dict()["rows"][0]["country"] == "KAZ"
    served["app"].state.record.close()


def test_demo_never_writes_into_an_existing_file(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite"
    db.write_bytes(b"")
    result = CliRunner().invoke(app, ["demo", "--no-open", "--db", str(db)])
    assert result.exit_code == 1
    assert "exists already" in result.output
