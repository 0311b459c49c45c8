"""What a source's surroundings say about its documents: the file's metadata, its sidecar, the settings.

:func:`source_context` gathers, for one source, the author, year, country and calendar that its
text may not state, each with where it comes from, in this order (the first wins):

1. the file's sidecar (``NAME.meta.toml``), which its owner wrote for this one file;
2. the file's own metadata (EPUB ``dc:creator`` and ``dc:language``, HTML ``<meta name="author">`` and
   ``<html lang>``, TEI ``xml:lang``, PDF info);
3. the build's settings (``--set context.author=...``, ``dates.calendar``), for a whole corpus.

The segmenter uses them only where the text is silent, and says so in the rule or evidence of
every value it fills from here: they are inferred, never stated.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Source

__all__ = ["SourceContext", "source_context", "model_language"]


@dataclass(frozen=True)
class SourceContext:
    """Author, year, country, language and calendar of a source from outside its text, each with its origin."""

    author: tuple[str, str] | None = None
    year: tuple[int, str] | None = None
    country: tuple[str, str] | None = None
    place: tuple[str, str] | None = None
    #: "auto" (infer from place and period), "julian" or "gregorian", and what set it
    calendar: tuple[str, str] = ("auto", "")
    #: the language of the texts (ISO 639-1, or the BCP 47 tag the file declares: "en-GB"): the sidecar's,
    #: the file's (EPUB ``dc:language``, HTML ``lang``, TEI ``xml:lang``), ``context.language``, else the
    #: spaCy model's
    language: tuple[str, str] | None = None


def source_context(source: Source, settings=None) -> SourceContext:
    """Return the :class:`SourceContext` of ``source`` from its metadata and ``settings`` (a
    :class:`~quellen.settings.Settings`, or None for the defaults)."""
    ctx = settings.context if settings is not None else None

    def pick(key: str, setting_value):
        found = [(v, o) for k, v, o in source.meta if k == key and v]
        # a sidecar was written for this file: it beats what the format's metadata says
        side = [f for f in found if f[1].startswith("sidecar")]
        if side:
            return side[-1]
        if found:
            return found[-1]
        if setting_value:
            return str(setting_value), f"setting context.{key}"
        return None

    author = pick("author", ctx.author if ctx else "")
    year = pick("year", ctx.year if ctx else 0)
    country = pick("country", ctx.country if ctx else "")
    place = pick("place", ctx.place if ctx else "")
    language = pick("language", ctx.language if ctx else "")
    if language is None:
        from ..settings import NlpSettings
        language = model_language((settings.nlp if settings is not None else NlpSettings()).spacy_model)
    calendar = ("auto", "")
    side_cal = source.meta_value("calendar")
    if side_cal and side_cal[0] != "auto":
        calendar = side_cal
    elif settings is not None and settings.dates.calendar != "auto":
        calendar = (settings.dates.calendar, "setting dates.calendar")
    return SourceContext(author=author, year=(int(year[0]), year[1]) if year else None,
                         country=(country[0].upper(), country[1]) if country else None, place=place,
                         calendar=calendar, language=language)


def model_language(model: str) -> tuple[str, str] | None:
    """Return (ISO 639-1 language, origin) of a spaCy pipeline from its name ("en_core_web_sm" ->
    ("en", "spaCy model en_core_web_sm")), or None for a multi-language one ("xx_...") or a path."""
    code = model.split("_", 1)[0] if "_" in model and "/" not in model else ""
    if len(code) == 2 and code.isalpha() and code.islower() and code != "xx":
        return code, f"spaCy model {model}"
    return None
