"""Segmentation: a source -> the documents the compilation is made of.

(First cut: one document per source; the segmentation work replaces this.)
"""
from __future__ import annotations

from .model import Document, Source

__all__ = ["segment"]


def segment(source: Source) -> list[Document]:
    """Return the documents of ``source`` in text order, covering all its non-blank text."""
    text = source.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return [Document(id=Document.make_id(source.id, start, end), source=source.id, char_start=start,
                     char_end=end, kind="other")]
