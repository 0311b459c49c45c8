"""Small writing helpers shared by the export modules."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json(data: Any, output: Path) -> list[Path]:
    """Return ``[output]`` after writing ``data`` as UTF-8 JSON atomically (temp file + rename)."""
    return write_atomic(output, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def write_atomic(output: Path, content: str | bytes) -> list[Path]:
    """Return ``[output]`` after writing ``content`` (text as UTF-8) to a temp file beside it and
    renaming it into place: a failure half-way never leaves a truncated export behind."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=".quellen-", suffix=output.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return [output]


def xml_bytes(tree, pretty: bool = True) -> bytes:
    """Return an lxml tree serialised as UTF-8 with an XML declaration."""
    from lxml import etree
    return etree.tostring(tree, encoding="utf-8", xml_declaration=True, pretty_print=pretty)


def source_uri(source_id: str) -> str:
    """Return the URN that names a source in linked-data exports."""
    return f"urn:quellen:source:{source_id}"


def entity_uri(entity_id: str) -> str:
    """Return the URN that names an entity in linked-data exports."""
    return f"urn:quellen:entity:{entity_id}"
