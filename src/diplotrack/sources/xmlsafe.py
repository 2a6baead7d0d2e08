"""XML read safely: no entity expansion, no external entities, errors with file and line."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as DET

from diplotrack.errors import InputError


def read_xml(path: Path, label: str) -> tuple[ET.Element, str]:
    """The root element and the raw text of ``path``; :class:`InputError` when it is not
    safe, well-formed UTF-8 XML."""
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{label}:1: the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{label}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x})") from exc
    try:
        root = DET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise InputError(
            f"{label}:{_line_of(text, '<!ENTITY')}: entity declarations are refused ({exc})"
        ) from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise InputError(
            f"{label}:{_line_of(text, 'SYSTEM')}: external references are refused ({exc})"
        ) from exc
    except defusedxml.DefusedXmlException as exc:
        raise InputError(
            f"{label}:{_line_of(text, '<!DOCTYPE')}: unsafe XML refused ({exc})"
        ) from exc
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise InputError(f"{label}:{line}: malformed XML ({exc})") from exc
    return root, text


def element_lines(text: str, tag: str) -> list[int]:
    """Line numbers of each ``<tag>`` start tag, in document order."""
    pattern = re.compile(rf"<{re.escape(tag)}[\s>/]")
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def child_text(element: ET.Element, tag: str) -> str:
    """The whitespace-normalised text of a child, or an empty string."""
    found = element.find(tag)
    if found is None:
        return ""
    return " ".join("".join(found.itertext()).split())


def _line_of(text: str, marker: str) -> int:
    """The line of the first ``marker`` in ``text``, or 1."""
    index = text.find(marker)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1
