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
    ├── SettingsError            a bad setting or override
    └── MissingExtra             an optional dependency is not installed
"""
from __future__ import annotations

__all__ = [
    "QuellenError", "InputError", "MissingInput", "UnreadableInput", "EmptyInput",
    "BinaryInput", "TooLargeInput", "FormatMismatch", "AnalysisFailed", "StoreError", "SettingsError",
    "MissingExtra",
]


class QuellenError(Exception):
    """Base class: the message is meant for the user, as it stands."""


class InputError(QuellenError):
    """An input file that cannot be read; ``path`` names it."""

    def __init__(self, path: str, reason: str):
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
