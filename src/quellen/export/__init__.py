"""Exports: the contract's JSON, and the field's formats.

Each format is a module with ``write(store, output: Path) -> list[Path]`` that
returns the files it wrote. :data:`FORMATS` maps a format name to its module.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import QuellenError
from ._io import TEMP_PREFIX

__all__ = ["FORMATS", "SUFFIXES", "export", "with_suffix"]

#: format name -> module in this package
FORMATS = {"json": "json_export"}
FORMATS.update({"tei": "tei", "geojson": "geojson", "timelinejs": "timelinejs", "gexf": "gexf",
                "csv": "csv_export", "webannotation": "webannotation", "timeml": "timeml", "report": "report"})
#: formats that write a folder of files (one per table, one per document); the others write one file
FOLDER_FORMATS = frozenset({"csv", "timeml"})
#: the suffix a one-file format's tools know it by (Gephi, a TEI editor, a GeoJSON viewer choose by it)
SUFFIXES = {"json": ".json", "tei": ".xml", "geojson": ".geojson", "timelinejs": ".json", "gexf": ".gexf",
            "webannotation": ".jsonld", "report": ".html"}


def with_suffix(format: str, output: str | Path) -> Path:
    """Return ``output`` with the format's suffix added where its name has none ("flood" -> "flood.gexf").

    A file named only "gexf" or "tei" opens in no tool: Gephi and TEI editors choose a reader by the
    suffix. A name that has a suffix, any suffix, is the user's choice and is kept.
    """
    output = Path(output)
    if format in SUFFIXES and not output.suffix and output.name not in ("", ".", ".."):
        return output.with_name(output.name + SUFFIXES[format])
    return output


def export(store, format: str, output: str | Path) -> list[Path]:
    """Return the paths written after exporting ``store`` as ``format`` to ``output``."""
    if format not in FORMATS:
        raise QuellenError(f"unknown export format {format!r}; choose from {', '.join(sorted(FORMATS))}")
    # said before anything is written, in the user's terms, not the OS's "Is a directory" on a temp file
    if format in FOLDER_FORMATS and Path(output).is_file():
        raise QuellenError(f"{output}: cannot write the {format} export: a file is in the way (it writes a "
                           "folder of files: name a folder)")
    if format not in FOLDER_FORMATS and Path(output).is_dir():
        raise QuellenError(f"{output}: cannot write the {format} export: it is a folder (the export is one "
                           "file: name a file in it)")
    module = importlib.import_module(f".{FORMATS[format]}", __name__)
    if format != "report":  # the report adds its own .html, to any name without it
        output = with_suffix(format, output)
    try:
        return module.write(store, Path(output))
    except OSError as exc:  # a folder where a file goes, a file where a folder goes, no permission
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(output) else ""
        if exc.filename and Path(exc.filename).name.startswith(TEMP_PREFIX):
            # the temp file the export writes first is no name the user knows: the folder is
            where = f" (writing into {Path(exc.filename).parent})"
        raise QuellenError(f"{output}: cannot write the {format} export: "
                           f"{exc.strerror or exc}{where}") from None
