"""Small writing helpers shared by the export modules."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json(data: Any, output: Path) -> list[Path]:
    """Return ``[output]`` after writing ``data`` as UTF-8 JSON atomically (temp file + rename)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=".quellen-", suffix=output.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return [output]


def source_uri(source_id: str) -> str:
    """Return the URN that names a source in linked-data exports."""
    return f"urn:quellen:source:{source_id}"


def entity_uri(entity_id: str) -> str:
    """Return the URN that names an entity in linked-data exports."""
    return f"urn:quellen:entity:{entity_id}"
