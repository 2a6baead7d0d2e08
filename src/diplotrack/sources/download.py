"""Downloads of public datasets, to a folder the caller owns. The base URL is a setting,
so tests serve the files from a local HTTP server."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from diplotrack.errors import InputError
from diplotrack.settings import Settings
from diplotrack.sources.base import ProgressFn

REPOSITORIES = ("travels", "visits")
MAX_BYTES = 200 * 1024 * 1024


def history_state(settings: Settings, folder: Path, progress: ProgressFn) -> Path:
    """Fetch the travels and visits repositories as zip archives and unpack them."""
    for repo in REPOSITORIES:
        url = f"{settings.history_state_url.rstrip('/')}/{repo}/archive/refs/heads/master.zip"
        archive = folder / f"{repo}.zip"
        fetch(url, archive, settings.http_timeout, progress)
        unpack(archive, folder / repo)
    return folder


def fetch(url: str, target: Path, timeout: float, progress: ProgressFn) -> None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, target.open("wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            done = 0
            while chunk := response.read(1 << 16):
                done += len(chunk)
                if done > MAX_BYTES:
                    raise InputError(f"{url}: larger than {MAX_BYTES} bytes, refused")
                out.write(chunk)
                progress(f"downloading {target.name}", done, total)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise InputError(f"{url}: download failed ({exc})") from exc


def unpack(archive: Path, folder: Path) -> None:
    """Unpack a zip, refusing members that would land outside ``folder``."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            root = folder.resolve()
            for member in zipped.infolist():
                target = (folder / member.filename).resolve()
                if not target.is_relative_to(root):
                    raise InputError(f"{archive.name}: member {member.filename!r} escapes")
                if member.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
    except zipfile.BadZipFile as exc:
        raise InputError(f"{archive.name}: not a zip archive ({exc})") from exc
