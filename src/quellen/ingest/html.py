"""HTML and XHTML: the reading text, one block per line group, with block spans.

The cascade, and why each step exists:

1. **decode** the bytes: a byte-order mark, then UTF-8 (valid UTF-8 wins over a
   declared latin-1, a common lie of scraped pages), then the charset the file
   declares (``<meta charset>``, ``<?xml encoding?>``), then detection;
2. **parse** with lxml's HTML parser, which recovers truncated and malformed
   markup (an unclosed ``<p>`` at the end of a cut-off download still reads);
3. **walk** the tree into blocks (:func:`walk_blocks`): headings, paragraphs,
   list items, captions, table cells, preformatted text; ``<br>`` is a line
   break inside a block; scripts, styles, forms' controls and hidden
   elements are never text;
4. **choose** what to keep: an e-book chapter (EPUB namespace, or a page with
   no navigation, header, footer or sidebar) keeps every block; a scraped page
   keeps the main content that trafilatura finds, widened to the captions,
   bylines and headings that sit inside that main content (trafilatura drops
   figure captions, which are sources in their own right for us); when
   trafilatura finds nothing, a structural fallback drops ``nav``, ``header``,
   ``footer``, ``aside`` and elements whose class or id says menu, share,
   cookie ...;
5. **assemble** the text: each block ends in ``\\n``, blocks are separated by
   a blank line (cells of one table row by a single newline), so line-based
   cues work as in plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BinaryInput, EmptyInput
from ..settings import IngestSettings
from .text import decode_text

__all__ = ["read_html", "decode_html", "decode_markup", "parse_html", "walk_blocks", "assemble", "RawBlock",
           "semantic_tag",
           "html_text_blocks", "truncated_markup"]

Block = tuple[int, int, str]
Repairs = list[tuple[str, int]]

_HEADINGS = {f"h{i}" for i in range(1, 7)}
#: elements whose content is one block, and the tag the block gets
_LEAF = {**{h: h for h in _HEADINGS}, "p": "p", "address": "p", "dt": "p", "dd": "p",
         "summary": "p", "legend": "p", "li": "li", "figcaption": "caption", "caption": "caption",
         "td": "td", "th": "td", "pre": "pre", "blockquote": "blockquote",
         # TEI, which a corpus may hold as .xml: letter parts and notes are paragraphs
         "dateline": "p", "salute": "p", "signed": "p", "byline": "p", "note": "p", "fw": "p",
         "docauthor": "p", "docdate": "p", "trailer": "p", "argument": "p", "epigraph": "p",
         "lg": "p", "sp": "p", "speaker": "p", "stage": "p", "item": "li", "cell": "td"}
#: elements that only separate blocks
_CONTAINERS = {"html", "body", "div", "section", "article", "main", "header", "footer", "nav",
               "aside", "figure", "ul", "ol", "dl", "menu", "table", "thead", "tbody", "tfoot", "tr",
               "form", "fieldset", "details", "center", "hgroup", "dir", "frameset", "frame",
               "noframes", "picture", "search",
               "text", "front", "back", "group", "opener", "closer", "postscript", "list", "row",
               }
#: never reading text
_SKIP = {"head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
         "object", "embed", "video", "audio", "map", "select", "option", "button", "input",
         "textarea", "datalist", "meta", "link", "title", "base", "teiheader", "facsimile"}
_BOILER_TAGS = {"nav", "header", "footer", "aside", "form", "menu"}
_BOILER_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_BOILER_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|sidebar|"
    r"share|sharing|social|related|comments?|cookies?|consent|advert\w*|ads?|banner|promo|"
    r"newsletter|subscribe|signup|skip-link|pagination|pager|toolbar|widget)(?:$|[\s_-])", re.I)
#: class or id words that say "site furniture" even around text trafilatura kept
_NAV_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|banner|sidebar|cookies?|"
    r"consent|site-info|copyright|skip-link|pagination|pager|toolbar)(?:$|[\s_-])", re.I)
_EPUB_NS = ("http://www.idpf.org/2007/ops", "epub:type")

_WS = re.compile(r"[ \t\n\r\f\v]+")
_BR = "\x00"  # a <br> inside a block, while whitespace is collapsed
_INVISIBLE = {"\u00ad": "soft-hyphen-removed", "\u200b": "zero-width-removed",
              "\ufeff": "zero-width-removed"}
_SAME_LENGTH = {"\u00a0": ("nbsp", " "), "\u202f": ("narrow-nbsp", " "), "\u2007": ("figure-space", " ")}


@dataclass
class RawBlock:
    """One block found by the walker: its tag, text, element and table row."""

    tag: str
    text: str
    element: object = None
    row: object = None
    #: blockquotes this block sits in (their elements), outermost first
    quotes: tuple = ()
    #: how much of the text sits in links, and how many: navigation is mostly links
    link_chars: int = 0
    links: int = 0
    #: semantic elements this block sits in or is, as (tag, element), outermost first: a letter,
    #: a diary entry, a signature, a dateline (see :func:`semantic_tag`)
    sems: tuple = ()
    #: semantic inline elements inside the block, as (tag, their text): a <time datetime>, a <persName>
    marks: tuple = ()

    @property
    def link_density(self) -> float:
        """Return the share of the block's visible characters that sit inside links."""
        return self.link_chars / max(1, len(self.text.replace(" ", "")))


# -- 1. decode -----------------------------------------------------------------------
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.I)


def decode_html(name: str, data: bytes) -> tuple[str, str]:
    """Return (markup as str, encoding used): BOM, UTF-8, the declared charset, then detection."""
    markup, encoding, _ = decode_markup(name, data)
    return markup, encoding


def decode_markup(name: str, data: bytes) -> tuple[str, str, list[tuple[str, int]]]:
    """Return (markup as str, encoding used, decoding repairs), as :func:`~.text.decode_text` decodes.

    Valid UTF-8 wins over a declared latin-1 (a common lie of scraped pages); the declared
    charset is tried before the legacy guess.
    """
    declared = None
    match = _DECLARED.search(data[:4096])
    if match:
        declared = (match.group(1) or match.group(2)).decode("ascii").lower()
        # browsers read latin-1 as windows-1252; so do we (curly quotes in 0x80-0x9f)
        declared = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252"}.get(declared, declared)
        if declared.startswith(("utf-16", "utf-32")):
            declared = None  # a wide file without BOM would not match the pattern
    return decode_text(name, data, declared)


# -- 2. parse ------------------------------------------------------------------------
#: the first element of a markup file, after its declarations and comments
_ROOT_TAG = re.compile(r"\s*(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*\?>\s*)*<([A-Za-z][\w:.-]*)", re.S)


def parse_html(name: str, markup: str):
    """Return the lxml root of ``markup``; raise :class:`EmptyInput` when nothing parses."""
    import lxml.html
    from lxml import etree
    # lxml refuses str input with an encoding declaration; it is decoded already
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup, count=1)
    markup = markup.replace("\x00", "")
    root_tag = _ROOT_TAG.match(markup)
    if root_tag and root_tag.group(1).lower() != "html":
        # XML that is not XHTML (TEI, say): the HTML parser would drop a <head> in its body
        try:
            root = etree.fromstring(markup.encode("utf-8"), parser=etree.XMLParser(
                recover=True, resolve_entities=False, no_network=True, huge_tree=True))
        except etree.XMLSyntaxError:
            root = None
        if root is not None and "".join(root.itertext()).strip():
            return root
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyInput(name, f"no HTML could be read ({exc})") from None
    if root is None:
        raise EmptyInput(name, "no HTML could be read")
    return root


# -- 3. walk -------------------------------------------------------------------------
def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower() if ("}" in tag or ":" in tag) else tag.lower()


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


_CAPTION_CLASS = re.compile(r"caption|wp-caption-text|image-credit|img-desc|photo-desc", re.I)


def _captioned(el) -> bool:
    """Return True when a paragraph's own markup, or its parent's, calls it a caption."""
    for _ in range(2):
        if el is None or not isinstance(el.tag, str):
            return False
        if _CAPTION_CLASS.search(el.get("class") or "") or _local(el.tag) in ("figcaption", "caption"):
            return True
        el = el.getparent()
    return False


_OPS_TYPE = "{http://www.idpf.org/2007/ops}type"
#: epub:type tokens (EPUB 3 structural semantics, Z39.98) and TEI elements -> the semantic tag a block
#: span gets; the Standard Ebooks vocabulary's datelines ("se:letter.dateline") count as datelines
_EPUB_TYPES = {"z3998:diary-entry": "diary-entry", "z3998:letter": "letter", "z3998:signature": "signature",
               "z3998:sender": "sender", "dateline": "dateline"}
_TEI_DIV_TYPES = {"letter": "letter", "diary-entry": "diary-entry", "entry": "diary-entry", "diaryentry": "diary-entry"}


def semantic_tag(el, tag: str) -> str | None:
    """Return the semantic tag of an element whose markup says what it is, or None.

    ``letter`` and ``diary-entry`` (``epub:type="z3998:letter"``/``"z3998:diary-entry"``, TEI ``<div
    type="letter">``), ``signature``/``sender`` (``z3998:signature``, ``z3998:sender``, TEI ``<signed>``),
    ``dateline`` (``epub:type`` ending in ``dateline``, TEI ``<dateline>``), ``time:VALUE`` (HTML
    ``<time datetime>``, TEI ``<date when>``), ``person`` (TEI ``<persName>``; ``person:NAME`` when its ``ref``
    points to a ``<person>`` of the file's list named NAME), ``place`` (TEI ``<placeName>``).
    """
    types = (el.get(_OPS_TYPE) or el.get("epub:type") or "").split()
    for token in types:
        if token in _EPUB_TYPES:
            return _EPUB_TYPES[token]
        if token.endswith("dateline"):
            return "dateline"
    if tag == "time" and el.get("datetime"):
        return "time:" + el.get("datetime").strip()
    if tag == "date" and el.get("when"):
        return "time:" + el.get("when").strip()
    if tag == "div" and (el.get("type") or "").lower() in _TEI_DIV_TYPES:
        return _TEI_DIV_TYPES[el.get("type").lower()]
    if tag == "persname":
        listed = listed_person(el)
        return f"person:{listed}" if listed else "person"
    return {"dateline": "dateline", "signed": "signature", "placename": "place"}.get(tag)


_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: the last file's list of persons, as (its root, {xml:id: name}): one walk of the tree per file
_LISTED: list = [None, {}]


def listed_person(el) -> str | None:
    """Return the name a TEI ``<persName ref="#id">`` points to in its file's list of persons
    (``<person xml:id="id"><persName>``), or None: the edition's one name for "Martha", "J. Holt", "Mr. Holt"."""
    ref = (el.get("ref") or "").strip()
    if not ref.startswith("#") or len(ref) < 2:
        return None
    root = el.getroottree().getroot()
    if _LISTED[0] is not root:
        names: dict[str, str] = {}
        for person in root.iter():
            if _local(person.tag) != "person":
                continue
            key = person.get(_XML_ID) or person.get("xml:id") or person.get("id")
            name = next((" ".join("".join(c.itertext()).split()) for c in person if _local(c.tag) == "persname"), "")
            if key and name:
                names[key] = name
        _LISTED[:] = [root, names]
    return _LISTED[1].get(ref[1:])


def _leading_preface(el, tag: str) -> bool:
    """Return True for a TEI ``<epigraph>`` or ``<argument>`` that opens a letter or diary-entry div before
    anything else of it (its head, opener, text): what an edition puts there (a motto, the editor's
    introduction) stands before the letter, so the letter's span starts after it."""
    parent = el.getparent()
    if tag not in ("epigraph", "argument") or parent is None or \
            semantic_tag(parent, _local(parent.tag)) not in ("letter", "diary-entry"):
        return False
    for sib in el.itersiblings(preceding=True):
        if _local(sib.tag) not in ("pb", "milestone", "epigraph", "argument", "") or (sib.text or "").strip():
            return False
    return True


def walk_blocks(root, drop=None) -> list[RawBlock]:
    """Return the blocks of an lxml tree in reading order.

    ``drop(element) -> bool`` removes an element with its content (boilerplate).
    Text outside any block element (loose text in a ``div``) becomes a ``p``
    block; ``hr`` becomes an empty ``hr`` block.
    """
    blocks: list[RawBlock] = []
    pieces: list[str] = []
    stack: list[tuple[str, object]] = []  # open leaf elements: (tag, element)
    quotes: list[object] = []
    sems: list[tuple[str, object]] = []
    marks: list[tuple[str, str]] = []
    opened: list[object] = []  # every open block or container element, for loose text
    state = {"row": None, "in_link": 0, "link_chars": 0, "links": 0}

    def add(text: str) -> None:
        pieces.append(text)
        if state["in_link"]:
            state["link_chars"] += len(text.replace(" ", "").replace("\n", ""))

    def leaf_tag() -> tuple[str, object]:
        for i in range(len(stack) - 1, -1, -1):
            tag, el = stack[i]
            if tag == "blockquote":
                continue
            if tag == "p":  # a paragraph inside a list item or caption is that item or caption
                for outer, outer_el in reversed(stack[:i]):
                    if outer in ("li", "caption"):
                        return outer, outer_el
            return tag, el
        return "p", opened[-1] if opened else None

    def flush() -> None:
        if not pieces:
            return
        raw = "".join(pieces)
        pieces.clear()
        link_chars, links = state["link_chars"], state["links"]
        state["link_chars"] = state["links"] = 0
        tag, el = leaf_tag()
        if tag == "p" and _captioned(el):
            tag = "caption"
        if tag == "pre":
            text = raw.replace(_BR, "\n").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        else:
            text = _WS.sub(" ", raw)
            text = re.sub(rf" ?{_BR} ?", _BR, text).strip(" ").strip(_BR).replace(_BR, "\n")
        if text.strip():
            blocks.append(RawBlock(tag, text, el, state["row"] if tag == "td" else None, tuple(quotes),
                                   link_chars, links, tuple(sems), tuple(marks)))
        marks.clear()

    def visit(el) -> None:
        tag = _local(el.tag)
        if tag == "head" and el.getparent() is not None and _local(el.getparent().tag) != "html":
            tag = "h2"  # a TEI <head> (a heading), not the HTML <head>
        if tag == "title" and el.getparent() is not None and _local(el.getparent().tag) != "head":
            tag = "cite"  # a TEI <title> in the running text ("read <title>Emma</title>"), not the page's title
        if not tag or tag in _SKIP or _hidden(el) or (drop is not None and drop(el)):
            if el.tail:
                add(el.tail)
            return
        if tag in ("br", "lb"):
            pieces.append(_BR)
        elif tag == "l":  # a verse line: a line of its own inside its stanza
            if el.text:
                add(el.text)
            for child in el:
                visit(child)
            pieces.append(_BR)
        elif tag == "hr":
            flush()
            blocks.append(RawBlock("hr", "", el))
        elif tag in _LEAF or tag in _CONTAINERS or tag in _HEADINGS:
            flush()
            if tag in ("tr", "row"):
                state["row"] = el
            is_leaf = tag in _LEAF
            sem = semantic_tag(el, tag)
            if sem:
                sems.append((sem, el))
            outside = _leading_preface(el, tag)
            if outside:
                # an editor's epigraph or argument standing before a letter's head is not the letter's
                held = [x for x in sems if x[1] is el.getparent()]
                sems[:] = [x for x in sems if x[1] is not el.getparent()]
            opened.append(el)
            if is_leaf:
                stack.append((_LEAF.get(tag, tag), el))
            if tag == "blockquote":
                quotes.append(el)
            if el.text:
                add(el.text)
            for child in el:
                visit(child)
            flush()
            opened.pop()
            if sem:
                sems.pop()
            if outside:
                sems.extend(held)
            if tag == "blockquote":
                quotes.pop()
            if is_leaf:
                stack.pop()
        else:  # inline: a, span, em, sup ...; unknown elements read as inline too
            is_link = tag == "a" and el.get("href") is not None
            if is_link:
                state["in_link"] += 1
                state["links"] += 1
            if el.text:
                add(el.text)
            for child in el:
                visit(child)
            if is_link:
                state["in_link"] -= 1
            sem = semantic_tag(el, tag)
            if sem:
                inner = _WS.sub(" ", "".join(el.itertext())).strip()
                if inner:
                    marks.append((sem, inner))
        if el.tail:
            add(el.tail)

    body = root.find(".//body") if _local(root.tag) == "html" else None
    visit(body if body is not None else root)
    flush()
    return blocks


# -- 4. choose -----------------------------------------------------------------------
def _is_boilerplate_element(el, strong_only: bool = False) -> bool:
    """Return True for navigation-like markup.

    Tags (``nav``, ``footer`` ...) and ARIA roles always count; class and id
    names count in full (share, related, comments ...) unless ``strong_only``,
    which keeps only the unambiguous ones (menu, footer, sidebar ...): a post's
    ``entry-header`` holds its title.
    """
    tag = _local(el.tag)
    if tag in _BOILER_TAGS:
        return True
    if (el.get("role") or "").lower() in _BOILER_ROLES:
        return True
    if tag in ("div", "section", "ul", "ol", "span", "p", "table", "td", "tr", "li"):
        label = f"{el.get('class') or ''} {el.get('id') or ''}"
        return bool(label.strip()) and bool((_NAV_WORDS if strong_only else _BOILER_WORDS).search(label))
    return False


def _in_boilerplate(el, stop=None, strong_only: bool = False) -> bool:
    """Return True when ``el`` or an ancestor below ``stop`` is navigation-like markup."""
    while el is not None and el is not stop:
        if isinstance(el.tag, str) and _is_boilerplate_element(el, strong_only):
            return True
        el = el.getparent()
    return False


#: at most this many visible characters beside the one link of a paragraph that promotes another page
_LINK_LABEL_CHARS = 15


def _is_link_list(block: RawBlock) -> bool:
    """Return True for a block that is mostly links: a menu, "next | previous", a tag cloud; or a paragraph
    that is one link with at most a short label beside it ("Read more: <a>Seven dead as ...</a>"), a news
    site's promotion of another of its pages set between an article's paragraphs."""
    if block.links >= 2 and block.link_density >= 0.5:
        return True
    unlinked = len(block.text.replace(" ", "")) - block.link_chars
    return block.tag == "p" and block.links == 1 and block.link_chars > 0 and unlinked <= _LINK_LABEL_CHARS


def is_book_chapter(root, markup: str, media_type: str) -> bool:
    """Return True for an e-book chapter: EPUB namespace, or a page without site furniture."""
    head = markup[:4096]
    if any(mark in head for mark in _EPUB_NS) or "epub:type" in markup:
        return True
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el.tag) in _BOILER_TAGS | {"script", "iframe"}:
            return False
        if isinstance(el.tag, str) and (el.get("role") or "").lower() in _BOILER_ROLES:
            return False
        if isinstance(el.tag, str) and _local(el.tag) in ("div", "ul") and _is_boilerplate_element(el):
            return False
    return True


def _norm(text: str) -> str:
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip().lower()


def _main_content(markup: str) -> str | None:
    import trafilatura
    try:
        extracted = trafilatura.extract(markup, output_format="txt", include_comments=False,
                                        include_tables=True, include_images=False, favor_recall=True,
                                        include_formatting=False, with_metadata=False)
    except Exception:  # trafilatura is a heuristic; any failure means: use the fallback
        return None
    return _norm(extracted) if extracted and extracted.strip() else None


def _main_container(el):
    while el is not None:
        if isinstance(el.tag, str) and _local(el.tag) in ("article", "main"):
            return el
        if isinstance(el.tag, str) and (el.get("role") or "").lower() == "main":
            return el
        el = el.getparent()
    return None


def _is_ancestor(anc, el) -> bool:
    while el is not None:
        if el is anc:
            return True
        el = el.getparent()
    return False


def choose_scraped(blocks: list[RawBlock], main: str) -> list[RawBlock]:
    """Return the blocks of a scraped page that make its main content.

    A block is main content when trafilatura kept its text; the kept range runs
    from the first to the last such block (widened to the ``article``/``main``
    that holds them), and inside it every block stays unless it sits in
    navigation-like markup and trafilatura dropped it.
    """
    # trafilatura keeps the page's order: search on from the last match, so a long page
    # costs one pass over the main text rather than one per block
    matched, cursor = [], 0
    for i, b in enumerate(blocks):
        if not b.text:
            continue
        needle = _norm(b.text)
        pos = main.find(needle, cursor)
        if pos < 0 and len(main) < 200_000:
            pos = main.find(needle)
        if pos >= 0:
            matched.append(i)
            cursor = max(cursor, pos + len(needle)) if len(needle) >= 25 else cursor
    long_matched = [i for i in matched if len(blocks[i].text) >= 25] or matched
    if not long_matched:
        return []
    first, last = long_matched[0], long_matched[-1]
    container = _main_container(blocks[first].element)
    if container is not None and _is_ancestor(container, blocks[last].element):
        inside = [i for i, b in enumerate(blocks) if b.element is not None and _is_ancestor(container, b.element)]
        if inside:
            first, last = min(first, inside[0]), max(last, inside[-1])
    else:
        container = None
    # a heading right before the text (a title trafilatura moved into metadata)
    while first > 0 and blocks[first - 1].tag in _HEADINGS and not _in_boilerplate(blocks[first - 1].element):
        first -= 1
    matched_set = set(matched)
    kept = []
    for i in range(first, last + 1):
        b = blocks[i]
        # inside the article, its own header and footer (title, byline, notes) are content
        if b.tag == "hr":
            kept.append(b)
        elif not _in_boilerplate(b.element, container, strong_only=i in matched_set) and not _is_link_list(b):
            kept.append(b)
    return kept


# -- 5. assemble ---------------------------------------------------------------------
def assemble(blocks: list[RawBlock]) -> tuple[str, list[Block], Repairs]:
    """Return (text, block spans, repairs) for blocks in order.

    Each block ends in ``\\n``; a blank line separates blocks, except the cells
    of one table row (a single newline). Spans cover the block's characters
    without its closing newline; a blockquote also gets a span over its blocks.
    Invisible characters (soft hyphens, zero-width spaces) are dropped and
    no-break spaces become spaces; both are counted as repairs.
    """
    parts: list[str] = []
    spans: list[Block] = []
    repairs: dict[str, int] = {}
    pos = 0
    prev: RawBlock | None = None
    quote_spans: dict[int, list] = {}
    sem_spans: dict[int, list] = {}
    mark_spans: list[Block] = []
    for b in blocks:
        if b.tag == "hr":
            spans.append((pos, pos, "hr"))
            prev = b
            continue
        text = b.text
        for ch, name in _INVISIBLE.items():
            if ch in text:
                repairs[name] = repairs.get(name, 0) + text.count(ch)
                text = text.replace(ch, "")
        for ch, (name, rep) in _SAME_LENGTH.items():
            if ch in text:
                repairs[name] = repairs.get(name, 0) + text.count(ch)
                text = text.replace(ch, rep)
        if not text.strip():
            continue
        if pos:
            same_row = prev is not None and prev.tag == "td" and b.tag == "td" and prev.row is b.row
            if not same_row:
                parts.append("\n")
                pos += 1
        start = pos
        parts.append(text + "\n")
        pos += len(text) + 1
        spans.append((start, start + len(text), b.tag))
        for q in b.quotes:
            span = quote_spans.setdefault(id(q), [start, start + len(text)])
            span[1] = start + len(text)
        for sem, el in b.sems:
            span = sem_spans.setdefault(id(el), [start, start + len(text), sem])
            span[1] = start + len(text)
        cursor = 0
        for sem, inner in b.marks:
            at = text.find(inner, cursor)
            if at >= 0:
                mark_spans.append((start + at, start + at + len(inner), sem))
                cursor = at + len(inner)
        prev = b
    spans.extend((s, e, "blockquote") for s, e in quote_spans.values())
    spans.extend((s, e, sem) for s, e, sem in sem_spans.values())
    spans.extend(mark_spans)
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    return "".join(parts), spans, sorted(repairs.items())


# -- the reader ------------------------------------------------------------------------
def html_text_blocks(name: str, markup: str, media_type: str, settings: IngestSettings,
                     book: bool | None = None) -> tuple[str, list[Block], Repairs]:
    """Return (text, blocks, repairs) for decoded HTML/XHTML ``markup``.

    ``book`` forces the e-book chapter mode (keep every block) or the scraped
    page mode; None decides from the markup (:func:`is_book_chapter`).
    """
    root = parse_html(name, markup)
    if book is None:
        book = is_book_chapter(root, markup, media_type)
    if book or not settings.html_boilerplate_removal:
        return assemble(walk_blocks(root))
    blocks = walk_blocks(root)
    main = _main_content(markup)
    kept = choose_scraped(blocks, main) if main else []
    if not kept:
        # trafilatura found no main text (tiny or odd pages): drop site furniture by structure
        kept = walk_blocks(root, drop=_is_boilerplate_element)
    if not kept:
        # only the unambiguous furniture (nav, header, footer, ARIA navigation) goes: a page that is
        # nothing but its menu has no reading text, and is refused as such rather than read as "Home"
        kept = walk_blocks(root, drop=lambda el: _is_boilerplate_element(el, strong_only=True))
    return assemble(kept)


def read_html(name: str, data: bytes, media_type: str, settings: IngestSettings
              ) -> tuple[str, list[Block], Repairs]:
    """Return (reading text, block spans, repairs) of an HTML or XHTML file's bytes.

    Raises :class:`EmptyInput` when the markup holds no reading text and
    :class:`BinaryInput` when the bytes decode to no text at all.
    """
    markup, _, decoding = decode_markup(name, data)
    if "\ufffd" in markup[:4096] and markup[:4096].count("\ufffd") > 40:
        raise BinaryInput(name, "undecodable bytes in an HTML file")
    text, blocks, repairs = html_text_blocks(name, markup, media_type, settings)
    if not text.strip():
        raise EmptyInput(name, "no reading text in the HTML (only markup, scripts or navigation)")
    # the parser reads a cut-off file without a word: the build must say its end may be missing
    cut = [("truncated-markup", 1)] if truncated_markup(markup) else []
    return text, blocks, decoding + list(repairs) + cut


def truncated_markup(markup: str) -> bool:
    """Return True when ``markup`` looks cut off: it ends inside a tag or a comment, or its root element
    (``<html>``, a TEI ``<TEI>``) is opened and never closed.

    HTML may leave ``</html>`` out, but a page saved whole almost never does; a download that stopped
    half-way always does, and the parser recovers it without a word.

    >>> truncated_markup("<html><body><p>cut here<p cla"), truncated_markup("<html><p>whole</p></html>")
    (True, False)
    """
    tail = markup.rstrip()
    if tail.rfind("<") > tail.rfind(">") or tail.rfind("<!--") > tail.rfind("-->"):
        return True
    root = _ROOT_TAG.match(markup)
    if root is None:
        return False  # a fragment with no root element: only a cut tag can tell
    name = root.group(1)
    return re.search(rf"</{re.escape(name)}\s*>", markup[-4096:], re.I) is None
