"""TEI P5 export: the texts with names and dates inline, the knowledge in a ``standOff``.

Each source becomes ``<div type="source">``, each document a ``<div type="{kind}">``
inside it, split into ``<p>`` at blank lines. Mentions become ``persName`` /
``placeName`` / ``orgName`` / ``name`` with ``@ref`` to the standOff entry, and
temporal expressions ``date`` with ``@when`` (or ``@notBefore``/``@notAfter``) in
the Gregorian calendar and ``@calendar="#julian"`` when the text used the Julian
calendar; a date the text does not state in full carries its basis
(:class:`~quellen.model.DateBasis`) as ``@cert`` and ``@evidence``: the TEI value
(``internal``, ``external``, ``conjecture``) followed by the basis itself, e.g.
``cert="medium" evidence="internal year_from_context"``; a document's author or addressee the
document does not name itself (:class:`~quellen.model.RefBasis`: from its series heading, the file's
metadata, the settings...) carries its basis the same way on its ``persName``. The ``standOff``
holds ``listPerson``, ``listPlace`` (with
``location/geo``), ``listOrg``, ``listObject``, ``listEvent`` (each event pointing
to its attesting documents) and ``listRelation`` (correspondence, co-occurrence).
The output validates against ``tei_all.rng`` (tested).
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .._version import __version__
from ..model import Date, DateBasis, Document, Entity, Ref, RefBasis
from .shape import Corpus, cooccurrence, correspondence, count, load_corpus

__all__ = ["to_tree", "write"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_INLINE = {"person": "persName", "place": "placeName", "organization": "orgName"}
# characters XML 1.0 forbids; replaced by a space so offsets inside a paragraph stay put
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    node = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}") if parent is not None else \
        etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for key, value in attrs.items():
        if value is not None:
            node.set(XML_ID if key == "xml_id" else key.replace("_", "-"), str(value))
    if text is not None:
        node.text = clean_text(text)
    return node


def clean_text(text: str) -> str:
    """Return ``text`` with the characters XML 1.0 forbids replaced by spaces (offsets kept)."""
    return _BAD_XML.sub(" ", text)


def _xmlid(value: str) -> str:
    """Return ``value`` as an NCName usable in ``xml:id`` (ids may hold characters XML forbids)."""
    if re.fullmatch(r"[^\W\d][\w.-]*", value):
        return value
    return "x-" + re.sub(r"[^\w.-]", "_", value)


#: TEI certainty and kind of evidence of each basis a date can have (a stated date needs neither)
_BASIS_TEI = {
    DateBasis.REFERRED: ("high", "internal"), DateBasis.FRAMING: ("medium", "external"),
    DateBasis.YEAR_FROM_CONTEXT: ("medium", "internal"), DateBasis.RECKONED: ("medium", "internal"),
    DateBasis.PUBLISHED: ("low", "external"), DateBasis.INFERRED: ("low", "conjecture"),
}


#: TEI certainty and kind of evidence of each basis an author or addressee can have (one the document
#: itself names, stated, signed or headed, needs neither)
_REF_BASIS_TEI = {
    RefBasis.FRAMING: ("medium", "external"), RefBasis.SERIES: ("medium", "internal"),
    RefBasis.METADATA: ("medium", "external"), RefBasis.SETTING: ("medium", "external"),
    RefBasis.INFERRED: ("low", "conjecture"),
}


def ref_attrs(ref: Ref) -> dict[str, str]:
    """Return TEI ``cert`` and ``evidence`` for an author or addressee the document does not name itself
    (``evidence`` is the kind of evidence followed by the basis, "external metadata"), else nothing."""
    if ref.basis not in _REF_BASIS_TEI:
        return {}
    cert, evidence = _REF_BASIS_TEI[ref.basis]
    return {"cert": cert, "evidence": f"{evidence} {ref.basis.value}"}


def date_attrs(date: Date | None) -> dict[str, str]:
    """Return TEI dating attributes (``when`` or ``notBefore``/``notAfter``, ``calendar``, and ``cert`` and
    ``evidence`` for a date not stated in full) for a date."""
    if date is None:
        return {}
    a, b = date.earliest, date.latest
    attrs: dict[str, str] = {}
    if a == b:
        attrs["when"] = a.isoformat()
    elif date.precision == "month" and (a.year, a.month) == (b.year, b.month):
        attrs["when"] = a.isoformat()[:7]
    elif date.precision == "year" and a.year == b.year:
        attrs["when"] = a.isoformat()[:4]
    else:
        attrs["notBefore"], attrs["notAfter"] = a.isoformat(), b.isoformat()
    if date.calendar == "julian":
        attrs["calendar"] = "#julian"
        if date.as_written:
            attrs["datingMethod"] = "#julian"
            attrs["when_custom"] = date.as_written
    if date.basis in _BASIS_TEI:
        cert, evidence = _BASIS_TEI[date.basis]
        attrs["cert"], attrs["evidence"] = cert, f"{evidence} {date.basis.value}"
    return attrs


def _header(root, store, title: str) -> None:
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", title)
    _el(_el(file_desc, "publicationStmt"), "p", f"Generated by quellen {__version__}.")
    source_desc = _el(file_desc, "sourceDesc")
    sources = store.sources()
    if sources:
        bibls = _el(source_desc, "listBibl")
        for s in sources:
            bibl = _el(bibls, "bibl", xml_id=_xmlid(s.id))
            _el(bibl, "title", s.name)
            _el(bibl, "idno", s.sha256, type="sha256")
    else:
        _el(source_desc, "p", "No sources.")
    calendars = _el(_el(_el(header, "profileDesc"), "calendarDesc"), "calendar", xml_id="julian")
    _el(calendars, "p", "Julian calendar (Old Style), as the source wrote the date.")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (start, end) of the blank-line separated paragraphs of ``text[start:end]``."""
    out, pos = [], start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _fill(node, text: str, start: int, end: int, spans: list[tuple[int, int, str, dict]]) -> None:
    """Write ``text[start:end]`` into ``node`` with non-overlapping inline elements for ``spans``."""
    pos, last = start, None
    node.text = ""
    for a, b, tag, attrs in spans:
        if a < pos or b > end or a < start:
            continue  # overlapping or crossing a paragraph: leave it to the standOff
        chunk = clean_text(text[pos:a])
        if last is None:
            node.text += chunk
        else:
            last.tail = (last.tail or "") + chunk
        last = _el(node, tag, text[a:b], **attrs)
        pos = b
    chunk = clean_text(text[pos:end])
    if last is None:
        node.text += chunk
    else:
        last.tail = (last.tail or "") + chunk


def _name_tag(ref, types: dict[str, str], default: str) -> str:
    """Return the element that names ``ref``: as its entity is listed in the standOff (an author that is
    an organization is an ``orgName``), else ``default``."""
    return _INLINE.get(types.get(ref.entity or "", ""), default)


def _document_div(parent, d: Document, text: str, spans: list, types: dict[str, str]) -> None:
    div = _el(parent, "div", type=d.kind, xml_id=_xmlid(d.id), n=f"{d.char_start}-{d.char_end}")
    if d.title:
        _el(div, "head", d.title)
    if d.author or d.date or d.place or d.addressees:
        # the document's own metadata as TEI's docket: who, to whom, where, when
        note = _el(div, "note", type="metadata")
        if d.author:
            _el(note, _name_tag(d.author, types, "persName"), d.author.name, role="author",
                ref=f"#{_xmlid(d.author.entity)}" if d.author.entity else None, **ref_attrs(d.author))
        for to in d.addressees:
            _el(note, _name_tag(to, types, "persName"), to.name, role="addressee",
                ref=f"#{_xmlid(to.entity)}" if to.entity else None, **ref_attrs(to))
        if d.place:
            _el(note, "placeName", d.place.name, ref=f"#{_xmlid(d.place.entity)}" if d.place.entity else None)
        if d.date:
            _el(note, "date", d.date.text, **date_attrs(d.date))
    paragraphs = _paragraphs(text, d.char_start, d.char_end)
    for a, b in paragraphs:
        _fill(_el(div, "p"), text, a, b, [s for s in spans if a <= s[0] and s[1] <= b])
    if not paragraphs:
        _el(div, "p")


def _inline_spans(store, source_id: str, types: dict[str, str]) -> list[tuple[int, int, str, dict]]:
    spans = []
    for m in store.mentions(source=source_id):
        # a mention resolved to an entity is named as the entity is listed: a <persName> pointing at a
        # <place> of the standOff would be two claims about one name
        kind = types.get(m.entity or "", m.type)
        tag = _INLINE.get(kind, "name")
        attrs = {"ref": f"#{_xmlid(m.entity)}" if m.entity in types else None,
                 "type": kind if tag == "name" else None}
        spans.append((m.char_start, m.char_end, tag, attrs))
    for t in store.timexes(source=source_id):
        if t.type in ("DATE", "TIME") and t.date is not None:
            spans.append((t.char_start, t.char_end, "date", date_attrs(t.date)))
    # longest first at the same start, so a full name wins over a nested part
    return sorted(spans, key=lambda s: (s[0], -s[1]))


def _stand_off(root, corpus: Corpus, documents_by_id: dict[str, Document]) -> None:
    by_type: dict[str, list[Entity]] = {}
    for e in sorted(corpus.entities.values(), key=lambda e: (e.name, e.id)):
        by_type.setdefault(e.type, []).append(e)
    parts = []
    if by_type.get("person"):
        lst = etree.Element(f"{{{TEI_NS}}}listPerson")
        for e in by_type["person"]:
            person = _el(lst, "person", xml_id=_xmlid(e.id))
            _names(person, "persName", e)
        parts.append(lst)
    if by_type.get("place"):
        lst = etree.Element(f"{{{TEI_NS}}}listPlace")
        for e in by_type["place"]:
            place = _el(lst, "place", xml_id=_xmlid(e.id))
            _names(place, "placeName", e, with_idno=False)
            if e.geo:
                _el(_el(place, "location"), "geo", f"{e.geo.lat:.6f} {e.geo.lon:.6f}")
                _el(place, "idno", e.geo.gazetteer_id, type=e.geo.gazetteer or "gazetteer")
            _idnos(place, e)
        parts.append(lst)
    if by_type.get("organization"):
        lst = etree.Element(f"{{{TEI_NS}}}listOrg")
        for e in by_type["organization"]:
            _names(_el(lst, "org", xml_id=_xmlid(e.id)), "orgName", e)
        parts.append(lst)
    others = [e for t in ("work", "vessel", "other") for e in by_type.get(t, [])]
    if others:
        lst = etree.Element(f"{{{TEI_NS}}}listObject")
        for e in others:
            obj = _el(lst, "object", xml_id=_xmlid(e.id), type=e.type)
            ident = _el(obj, "objectIdentifier")
            _el(ident, "objectName", e.name)
            _idnos(obj, e)
        parts.append(lst)
    if corpus.events:
        lst = etree.Element(f"{{{TEI_NS}}}listEvent")
        for ev in corpus.events:
            # an event is not a phrase of text: it has no calendar of its own, only a dating method
            attrs = {k: v for k, v in date_attrs(ev.date).items() if k != "calendar"}
            docs = [a.document for a in ev.attestations if a.document in documents_by_id]
            event = _el(lst, "event", xml_id=_xmlid(ev.id), type="factoid", n=str(ev.independent_sources),
                        source=" ".join(f"#{_xmlid(d)}" for d in dict.fromkeys(docs)) or None,
                        where=f"#{_xmlid(ev.place)}" if ev.place in corpus.entities else None, **attrs)
            _el(event, "label", ev.summary)
            desc = _el(event, "desc")
            desc.text = clean_text(f"{ev.summary} ({ev.independent_sources} independent of "
                               f"{count(len(ev.attestations), 'attestation')})")
        parts.append(lst)
    relations = []
    for e in correspondence(corpus):
        if e["source"] in corpus.entities and e["target"] in corpus.entities:
            relations.append({"name": "correspondence", "active": f"#{_xmlid(e['source'])}",
                              "passive": f"#{_xmlid(e['target'])}", "n": str(e["weight"])})
    for e in cooccurrence(corpus):
        relations.append({"name": "cooccurrence", "mutual": f"#{_xmlid(e['source'])} #{_xmlid(e['target'])}",
                          "n": str(e["weight"])})
    if relations:
        lst = etree.Element(f"{{{TEI_NS}}}listRelation")
        for r in relations:
            _el(lst, "relation", **r)
        parts.append(lst)
    if parts:
        stand_off = _el(root, "standOff")
        for part in parts:
            stand_off.append(part)


def _names(parent, tag: str, e: Entity, with_idno: bool = True) -> None:
    _el(parent, tag, e.name, type="main")
    for alias in e.aliases:
        if alias != e.name:
            _el(parent, tag, alias, type="alias")
    if with_idno:
        _idnos(parent, e)


def _idnos(parent, e: Entity) -> None:
    for key, value in sorted((e.authority or {}).items()):
        _el(parent, "idno", value, type=key)


def to_tree(store, title: str = "quellen corpus") -> etree._ElementTree:
    """Return the TEI document for ``store`` as an lxml tree."""
    corpus = load_corpus(store)
    root = _el(None, "TEI")
    _header(root, store, title)
    documents_by_id = {d.id: d for d in corpus.documents}
    _stand_off(root, corpus, documents_by_id)
    body = _el(_el(root, "text"), "body")
    sources = store.sources()
    types = {e.id: e.type for e in corpus.entities.values()}
    for s in sources:
        div = _el(body, "div", type="source", source=f"#{_xmlid(s.id)}")
        _el(div, "head", s.name)
        spans = _inline_spans(store, s.id, types)
        documents = [d for d in corpus.documents if d.source == s.id]
        for d in documents:
            _document_div(div, d, s.text, [x for x in spans if d.char_start <= x[0] and x[1] <= d.char_end], types)
        if not documents:
            _el(div, "p")
    if not sources:
        _el(body, "p")
    return etree.ElementTree(root)


def write(store, output: Path) -> list[Path]:
    """Return ``[output]`` after writing the TEI file to it."""
    from ._io import write_atomic, xml_bytes
    return write_atomic(output, xml_bytes(to_tree(store)))
