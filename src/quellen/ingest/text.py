"""Plain text and Markdown: decoded, newlines unified, nothing else moved."""
from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import BinaryInput

__all__ = ["read_text", "decode_bytes", "repair_typography"]

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_bytes(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding): UTF-8 when it decodes, else the detected encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise BinaryInput(name, "undecodable bytes: not UTF-8 and no other text encoding fits")
    text = str(best)
    if sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f")) > len(text) // 100 + 1:
        raise BinaryInput(name, f"undecodable bytes (best guess {best.encoding} gives garbage)")
    return text, best.encoding


# one code point for one code point, so offsets do not move
_SAME_LENGTH_REPAIRS = {
    "\u00a0": (" ", "nbsp"),          # no-break space
    "\u2007": (" ", "figure-space"),
    "\u202f": (" ", "narrow-nbsp"),
    "\u00ad": ("\u200b", "soft-hyphen"),  # kept invisible but no longer a hyphenation hint
}


def repair_typography(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Return (text, repairs): fixes that replace one code point by one code point.

    Only repairs that keep every offset are made, and each is counted so the
    build can say what it changed.
    """
    counts: dict[str, int] = {}
    if not any(ch in text for ch in _SAME_LENGTH_REPAIRS):
        return text, []
    out = []
    for ch in text:
        rep = _SAME_LENGTH_REPAIRS.get(ch)
        if rep:
            out.append(rep[0])
            counts[rep[1]] = counts.get(rep[1], 0) + 1
        else:
            out.append(ch)
    return "".join(out), sorted(counts.items())


def read_text(name: str, data: bytes) -> tuple[str, str, list[tuple[str, int]]]:
    """Return (text, encoding, repairs found) for a plain text or Markdown file.

    ``\\r\\n`` and ``\\r`` become ``\\n`` (CONTRACT.md); line N of the file is line N of the text.
    """
    text, encoding = decode_bytes(name, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # CONTRACT.md: nothing else changes in a plain text source; the repairs are
    # applied to the working copy the analysis reads (same length, same offsets)
    _, repairs = repair_typography(text)
    return text, encoding, repairs
