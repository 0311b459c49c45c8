"""Small writing helpers shared by the export modules."""
from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any


#: the name an export's file has while it is written, before it is renamed into place
TEMP_PREFIX = ".quellen-"


def finite(data: Any) -> Any:
    """Return ``data`` with every NaN or infinite float made None: JSON has no such numbers."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [finite(v) for v in data]
    return data


def json_text(data: Any, indent: int | None = 1) -> str:
    """Return ``data`` as JSON text; a NaN or infinity becomes null (never the invalid ``NaN``)."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:  # a non-finite number slipped through: null, as the contract reads it
        return json.dumps(finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def write_json(data: Any, output: Path) -> list[Path]:
    """Return ``[output]`` after writing ``data`` as UTF-8 JSON atomically (temp file + rename)."""
    return write_atomic(output, json_text(data) + "\n")


def _mode_for(output: Path) -> int:
    """Return the permission bits a new file gets under the umask, or the ones ``output`` has."""
    try:
        return os.stat(output).st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(output: Path, content: str | bytes) -> list[Path]:
    """Return ``[output]`` after writing ``content`` (text as UTF-8) to a temp file beside it and
    renaming it into place: a failure half-way never leaves a truncated export behind."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=TEMP_PREFIX, suffix=output.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        # mkstemp makes the file 0600; an export is shared as any file the user writes
        os.chmod(tmp, _mode_for(output))
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
