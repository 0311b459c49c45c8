"""Errors quellen raises on purpose.

The tree::

    QuellenError                 anything quellen reports to the user
    ├── InputError               one input file cannot be read (names the file)
    │   ├── MissingInput         the path does not exist or matches nothing
    │   ├── UnreadableInput      permission denied, a folder we cannot list ...
    │   ├── EmptyInput           the file holds no text
    │   ├── BinaryInput          the bytes are not text in any encoding we know
    │   ├── TooLargeInput        over the size limit in the settings
    │   ├── FormatMismatch       the content is not what the extension says
    │   └── AnalysisFailed       read, but analysing it crashed (a bug; nothing was stored)
    ├── StoreError               the database is missing, newer than us, or damaged
    ├── CorpusLayerError         the corpus layer failed, or is missing or stale for a reader
    ├── SettingsError            a bad setting or override
    └── MissingExtra             an optional dependency is not installed
"""
from __future__ import annotations

import unicodedata

__all__ = [
    "printable",
    "QuellenError", "InputError", "MissingInput", "UnreadableInput", "EmptyInput",
    "BinaryInput", "TooLargeInput", "FormatMismatch", "AnalysisFailed", "StoreError", "CorpusLayerError",
    "SettingsError", "MissingExtra",
]


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def printable(text: str) -> str:
    """Return ``text`` safe to print on one terminal line and to store as UTF-8.

    Bytes a file name held that were not UTF-8 (Python keeps them as lone surrogates) become
    ``\\xNN``; control and bidirectional-override characters become ``\\n``, ``\\x1b``,
    ``\\u202e``...; everything else (letters of any script) stays as it is.
    """
    if text.isprintable() and "\\" not in text:
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the raw byte of a non-UTF-8 name
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) in ("Zs",):
            out.append(ch)
        else:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


class QuellenError(Exception):
    """Base class: the message is meant for the user, as it stands."""


class InputError(QuellenError):
    """An input file that cannot be read; ``path`` names it."""

    def __init__(self, path: str, reason: str):
        path, reason = printable(str(path)), printable(str(reason))
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class MissingInput(InputError):
    pass


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLargeInput(InputError):
    pass


class FormatMismatch(InputError):
    pass


class AnalysisFailed(InputError):
    """The file was read but its analysis raised; the cause is chained (``__cause__``)."""


class StoreError(QuellenError):
    pass


class CorpusLayerError(QuellenError):
    """The corpus-wide layer (entities, reuse, events, conflicts) failed to build, or is missing or stale."""


class SettingsError(QuellenError):
    pass


class MissingExtra(QuellenError):
    """Raised where an optional part is needed; says which extra installs it."""

    def __init__(self, what: str, extra: str, module: str):
        super().__init__(
            f"{what} needs the optional dependency {module!r}: "
            f"pip install 'quellen[{extra}]'"
        )
        self.extra = extra
        self.module = module
